package io.flowgate.logging;

import org.jboss.logging.MDC;

/**
 * The MDC keys of an invocation's log lines and the one place that sets them. The web layer opens the context when
 * a request comes in (its ids) and clears it when the answer is written, so that nothing of one invocation is left
 * for the next that a warm process serves; the domain adds the session, flow and caller once it knows them.
 */
public final class LogContext {

    /** The id a caller sees as {@code X-Request-Id}: API Gateway's request id, or one made for the request. */
    public static final String REQUEST_ID = "requestId";
    /** The Lambda invocation's request id ({@code Lambda-Runtime-Aws-Request-Id}). */
    public static final String LAMBDA_REQUEST_ID = "lambdaRequestId";
    /** The deployed function ({@code flowgate.function}), where set. */
    public static final String FUNCTION = "function";
    public static final String SESSION_ID = "sessionId";
    public static final String FLOW = "flow";
    public static final String CALLER = "caller";

    private LogContext() {
    }

    /** Sets {@code key} for the rest of the invocation; a null value removes it. */
    public static void put(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }

    /** The session being served and its flow. */
    public static void session(String sessionId, String flow) {
        put(SESSION_ID, sessionId);
        put(FLOW, flow);
    }

    /**
     * The session and its flow for the lines written until the returned scope is closed, which puts back what was
     * there before: for a run that serves many sessions one after another (the sweep, the webhook run), so that
     * each session's lines carry its id and none carries the one before.
     */
    public static Scope sessionScope(String sessionId, String flow) {
        String outerSession = get(SESSION_ID);
        String outerFlow = get(FLOW);
        session(sessionId, flow);
        return () -> session(outerSession, outerFlow);
    }

    /** A change of the log context that is undone on close. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** The value of {@code key} in this invocation's context, or null. */
    public static String get(String key) {
        Object value = MDC.get(key);
        return value == null ? null : value.toString();
    }

    /** Ends the invocation's context. */
    public static void clear() {
        MDC.clear();
    }
}
