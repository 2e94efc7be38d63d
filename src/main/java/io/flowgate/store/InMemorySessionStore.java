package io.flowgate.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Sessions in this process's memory: for dev mode and tests; lost on restart. */
@ApplicationScoped
public class InMemorySessionStore implements SessionStore {

    private final ConcurrentMap<String, SessionRecord> sessions = new ConcurrentHashMap<>();

    @Override
    public void create(SessionRecord session) {
        if (sessions.putIfAbsent(session.sessionId(), session) != null) {
            throw new SessionAlreadyExistsException(session.sessionId());
        }
    }

    @Override
    public Optional<SessionRecord> find(String sessionId) {
        return Optional.ofNullable(sessions.get(sessionId));
    }

    /** How many sessions are kept. */
    public int size() {
        return sessions.size();
    }

    /** Forgets every session (tests). */
    public void clear() {
        sessions.clear();
    }
}
