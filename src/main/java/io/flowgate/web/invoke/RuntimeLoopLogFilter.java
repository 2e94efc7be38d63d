package io.flowgate.web.invoke;

import io.quarkus.logging.LoggingFilter;
import io.quarkus.runtime.ApplicationLifecycleManager;
import java.net.SocketException;
import java.util.logging.Filter;
import java.util.logging.LogRecord;

/**
 * Quarkus' Lambda runtime loop logs two things at ERROR, with a stack trace, that are no error of flowgate's: a
 * refused direct invocation (logged once, at INFO, as a rejected request, like the same refusal over HTTP), and
 * the closed socket of its long poll when the process is told to stop (a normal shutdown). Both records are dropped;
 * every other record of the loop is kept.
 */
@LoggingFilter(name = "flowgate-runtime-loop")
public final class RuntimeLoopLogFilter implements Filter {

    static final String RUNTIME_LOOP = "io.quarkus.amazon.lambda.runtime.AbstractLambdaPollLoop";
    private static final String AFTER_SHUTDOWN = "[Error Occurred After Shutdown]";

    @Override
    public boolean isLoggable(LogRecord record) {
        if (!RUNTIME_LOOP.equals(record.getLoggerName())) {
            return true;
        }
        Throwable thrown = record.getThrown();
        return !(thrown instanceof FunctionRefused || thrown instanceof SocketException && stopping(record));
    }

    private static boolean stopping(LogRecord record) {
        return ApplicationLifecycleManager.isVmShuttingDown()
                || record.getMessage() != null && record.getMessage().contains(AFTER_SHUTDOWN);
    }
}
