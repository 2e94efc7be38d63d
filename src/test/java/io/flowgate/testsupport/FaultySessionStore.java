package io.flowgate.testsupport;

import io.flowgate.store.FailedWebhookPosition;
import io.flowgate.store.SessionRecord;
import io.flowgate.store.SessionStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link SessionStore} whose writes of new sessions fail, and whose updates lose to another writer, when
 * {@link StoreFaults} says so.
 */
final class FaultySessionStore implements SessionStore {

    private final SessionStore store;
    private final StoreFaults faults;

    FaultySessionStore(SessionStore store, StoreFaults faults) {
        this.store = store;
        this.faults = faults;
    }

    /** The store the configuration chose, under the faults. */
    SessionStore delegate() {
        return store;
    }

    @Override
    public void create(SessionRecord session) {
        if (faults.failCreate()) {
            throw new IllegalStateException("injected store fault: the write did not reach the store");
        }
        store.create(session);
    }

    @Override
    public Optional<SessionRecord> find(String sessionId) {
        return store.find(sessionId);
    }

    @Override
    public Optional<SessionRecord> findByReference(String caller, String reference) {
        return store.findByReference(caller, reference);
    }

    @Override
    public void update(SessionRecord updated) {
        java.util.function.UnaryOperator<SessionRecord> otherWrite = faults.interferenceBefore(updated);
        if (otherWrite != null) {
            store.update(otherWrite.apply(store.find(updated.sessionId()).orElseThrow()));
        }
        store.update(updated);
    }

    @Override
    public List<SessionRecord> findDueCollections(Instant now, int limit) {
        return store.findDueCollections(now, limit);
    }

    @Override
    public List<SessionRecord> findDueVideoCopies(Instant now, int limit) {
        return store.findDueVideoCopies(now, limit);
    }

    @Override
    public List<SessionRecord> findDueWebhooks(Instant now, int limit) {
        return store.findDueWebhooks(now, limit);
    }

    @Override
    public List<SessionRecord> findFailedWebhooks(Set<String> flows, FailedWebhookPosition after, int limit) {
        return store.findFailedWebhooks(flows, after, limit);
    }

    @Override
    public List<SessionRecord> listSessions(io.flowgate.store.SessionListing listing, int limit) {
        return store.listSessions(listing, limit);
    }
}
