package io.flowgate.web;

import java.util.StringJoiner;

/**
 * Describes an unexpected failure for the log by class names and code locations only: exception
 * messages can carry request data, so they are left out.
 */
final class SafeThrowables {

    private static final int FRAMES = 5;

    private SafeThrowables() {
    }

    static String describe(Throwable failure) {
        StringJoiner chain = new StringJoiner(" <- caused by ");
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            StringJoiner frames = new StringJoiner(", ", " at [", "]");
            StackTraceElement[] trace = t.getStackTrace();
            for (int i = 0; i < Math.min(FRAMES, trace.length); i++) {
                frames.add(trace[i].toString());
            }
            chain.add(t.getClass().getName() + frames);
        }
        return chain.toString();
    }
}
