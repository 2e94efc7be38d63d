package io.flowgate.flow.session;

import io.flowgate.store.SessionStatus;

/**
 * A request that the session's state does not allow: answered 409 with {@code code}. The message names at most the
 * session's status, never its data.
 */
public class SessionStateConflictException extends RuntimeException {

    /** The session is final (COMPLETED, EXPIRED or CANCELLED): it does not change any more. */
    public static final String SESSION_FINAL = "session_final";
    /** The session is past its {@code expiresAt}: the vendor no longer takes the person through it. */
    public static final String SESSION_EXPIRED = "session_expired";

    private final String code;

    private SessionStateConflictException(String code, String detail) {
        super(detail, null, false, false);
        this.code = code;
    }

    public static SessionStateConflictException finalSession(SessionStatus status) {
        return new SessionStateConflictException(SESSION_FINAL,
                "The session is already " + status + "; a final session does not change any more.");
    }

    public static SessionStateConflictException expired() {
        return new SessionStateConflictException(SESSION_EXPIRED,
                "The session is past its expiresAt: the vendor no longer takes the person through it. Create a new "
                        + "session.");
    }

    public String code() {
        return code;
    }
}
