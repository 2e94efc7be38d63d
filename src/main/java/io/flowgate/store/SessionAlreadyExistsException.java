package io.flowgate.store;

/** A session with that id is already stored; the stored one is left as it was. */
public class SessionAlreadyExistsException extends RuntimeException {

    public SessionAlreadyExistsException(String sessionId) {
        super("Session " + sessionId + " is already stored", null, false, false);
    }
}
