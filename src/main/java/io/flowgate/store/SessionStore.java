package io.flowgate.store;

import java.util.Optional;

/** Where sessions are kept. Adapters hold no business rules. */
public interface SessionStore {

    /**
     * Stores a new session.
     *
     * @throws SessionAlreadyExistsException if a session with that id is already stored
     */
    void create(SessionRecord session);

    /** The session with that id, if stored. */
    Optional<SessionRecord> find(String sessionId);
}
