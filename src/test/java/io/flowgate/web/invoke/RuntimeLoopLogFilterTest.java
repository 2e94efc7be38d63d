package io.flowgate.web.invoke;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.SocketException;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class RuntimeLoopLogFilterTest {

    private final RuntimeLoopLogFilter filter = new RuntimeLoopLogFilter();

    @Test
    void dropsTheLoopsErrorForARefusedDirectInvocation() {
        assertFalse(filter.isLoggable(record(RuntimeLoopLogFilter.RUNTIME_LOOP, "Failed to run lambda (NORMAL)",
                new FunctionRefused("flow_not_allowed", "{}"))));
    }

    @Test
    void dropsTheLoopsClosedSocketOnceTheProcessIsStopping() {
        assertFalse(filter.isLoggable(record(RuntimeLoopLogFilter.RUNTIME_LOOP,
                "Error running lambda (NORMAL) [Error Occurred After Shutdown]", new SocketException("Socket closed"))));
    }

    @Test
    void keepsEveryOtherRecord() {
        assertTrue(filter.isLoggable(record(RuntimeLoopLogFilter.RUNTIME_LOOP, "Error running lambda (NORMAL)",
                new SocketException("Connection reset"))));
        assertTrue(filter.isLoggable(record(RuntimeLoopLogFilter.RUNTIME_LOOP, "Failed to run lambda (NORMAL)",
                new IOException("broken"))));
        assertTrue(filter.isLoggable(record("io.flowgate.web.Problems", "request.failed",
                new FunctionRefused("flow_not_allowed", "{}"))));
    }

    private static LogRecord record(String logger, String message, Throwable thrown) {
        LogRecord record = new LogRecord(Level.SEVERE, message);
        record.setLoggerName(logger);
        record.setThrown(thrown);
        return record;
    }
}
