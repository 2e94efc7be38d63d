package io.flowgate.flow.session;

import io.flowgate.store.SessionStatus;

/**
 * A request the session's state does not allow now (cancelling a final session, redacting an unfinished one,
 * reviewing one not in review, ...); answered 409 with {@code code}. The message names at most the session's status
 * and says what to do, never anything of the session's data.
 */
public class SessionConflictException extends RuntimeException {

    private final String code;

    public SessionConflictException(String code, String detail) {
        super(detail, null, false, false);
        this.code = code;
    }

    /** {@code session_final}: the session is COMPLETED, EXPIRED or CANCELLED, and does not change any more. */
    public static SessionConflictException finalSession(SessionStatus status) {
        return new SessionConflictException("session_final",
                "The session is already " + status + "; a final session does not change any more.");
    }

    /** {@code session_expired}: the session is past its {@code expiresAt}, though not made final yet. */
    public static SessionConflictException expired() {
        return new SessionConflictException("session_expired",
                "The session is past its expiresAt: the vendor no longer takes the person through it. Create a new "
                        + "session.");
    }

    public String code() {
        return code;
    }
}
