package io.flowgate.web.invoke;

import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;

/**
 * Quarkus' Lambda runtime loop logs every function error at ERROR, with its stack trace. A refused direct invocation
 * is no error of flowgate's: it is logged once, at INFO, as a rejected request (like the same refusal over HTTP),
 * and the loop's record of it is dropped.
 */
@LoggingFilter(name = "flowgate-direct-invocation-refusals")
public final class RefusalLogFilter implements Filter {

    static final String RUNTIME_LOOP = "io.quarkus.amazon.lambda.runtime.AbstractLambdaPollLoop";

    @Override
    public boolean isLoggable(LogRecord record) {
        return !(RUNTIME_LOOP.equals(record.getLoggerName()) && record.getThrown() instanceof FunctionRefused);
    }
}
