package io.flowgate.flow.session;

import io.flowgate.store.SessionStatus;

/**
 * A request that the session's state does not allow: answered 409 with {@code code}. The message names at most the
 * session's status, never its data.
 */
public class SessionStateConflictException extends RuntimeException {

    private final String code;

    private SessionStateConflictException(String code, String detail) {
        super(detail, null, false, false);
        this.code = code;
    }

    /** {@code session_final}: the session is COMPLETED, EXPIRED or CANCELLED, and does not change any more. */
    public static SessionStateConflictException finalSession(SessionStatus status) {
        return new SessionStateConflictException("session_final",
                "The session is already " + status + "; a final session does not change any more.");
    }

    /** {@code session_expired}: the session is past its {@code expiresAt}, though not made final yet. */
    public static SessionStateConflictException expired() {
        return new SessionStateConflictException("session_expired",
                "The session is past its expiresAt: the vendor no longer takes the person through it. Create a new "
                        + "session.");
    }

    public String code() {
        return code;
    }
}
