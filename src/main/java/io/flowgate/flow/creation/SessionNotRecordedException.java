package io.flowgate.flow.creation;

/**
 * The vendor created (and charges for) a session, but the store refused every attempt to keep its record. The
 * session id is in the log ({@code session.unrecorded}); with a reference, the reservation keeps the session and
 * a repeated request, or the sweep, stores it once the store answers again.
 */
public class SessionNotRecordedException extends RuntimeException {

    private final transient String sessionId;

    SessionNotRecordedException(String sessionId, RuntimeException cause) {
        super("The session could not be stored.", cause, false, false);
        this.sessionId = sessionId;
    }

    public String sessionId() {
        return sessionId;
    }
}
