package io.flowgate.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * Sessions in this process's memory: for dev mode and tests; lost on restart. A bean of its own type only: the
 * {@link SessionStore} bean is the one {@link SessionStoreProducer} chooses.
 */
@ApplicationScoped
@Typed(InMemorySessionStore.class)
public class InMemorySessionStore implements SessionStore {

    private final ConcurrentMap<String, SessionRecord> sessions = new ConcurrentHashMap<>();
    private final InMemoryReservationStore reservations = new InMemoryReservationStore();

    /** The references held for these sessions; {@link #clear()} forgets them too. */
    public ReservationStore reservations() {
        return reservations;
    }

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

    @Override
    public Optional<SessionRecord> findByReference(String caller, String reference) {
        return sessions.values().stream()
                .filter(session -> caller.equals(session.caller()) && reference.equals(session.reference()))
                .max(Comparator.comparing(SessionRecord::createdAt));
    }

    @Override
    public void update(SessionRecord updated) {
        long expected = updated.version() - 1;
        SessionRecord result = sessions.computeIfPresent(updated.sessionId(),
                (id, stored) -> stored.version() == expected ? updated : stored);
        if (result != updated) {
            throw new ConcurrentUpdateException(updated.sessionId(), expected);
        }
    }

    @Override
    public List<SessionRecord> findDueVideoCopies(Instant now, int limit) {
        return due(SessionRecord::videoCopyDueAt, now, limit);
    }

    @Override
    public List<SessionRecord> findDueCollections(Instant now, int limit) {
        return due(SessionRecord::collectDueAt, now, limit);
    }

    private List<SessionRecord> due(Function<SessionRecord, Instant> dueAt, Instant now, int limit) {
        return sessions.values().stream()
                .filter(session -> dueAt.apply(session) != null && !dueAt.apply(session).isAfter(now))
                .sorted(Comparator.comparing(dueAt))
                .limit(limit)
                .toList();
    }

    @Override
    public List<SessionRecord> findDueWebhooks(Instant now, int limit) {
        return sessions.values().stream()
                .filter(session -> inState(session, WebhookDelivery.State.PENDING))
                .filter(session -> !session.webhook().nextAttemptAt().isAfter(now))
                .sorted(Comparator.comparing(session -> session.webhook().nextAttemptAt()))
                .limit(limit)
                .toList();
    }

    @Override
    public List<SessionRecord> findFailedWebhooks(Set<String> flows, FailedWebhookPosition after, int limit) {
        return sessions.values().stream()
                .filter(session -> inState(session, WebhookDelivery.State.FAILED))
                .filter(session -> flows.contains(session.flow()))
                .filter(session -> after == null || after.isFollowedBy(FailedWebhookPosition.of(session)))
                .sorted(Comparator.comparing(FailedWebhookPosition::of, FailedWebhookPosition.LISTING_ORDER))
                .limit(limit)
                .toList();
    }

    @Override
    public List<SessionRecord> listSessions(SessionListing listing, int limit) {
        return sessions.values().stream()
                .filter(listing::matches)
                .filter(listing::startsBefore)
                .sorted(Comparator.comparing(SessionPosition::of, SessionPosition.LISTING_ORDER))
                .limit(limit)
                .toList();
    }

    private static boolean inState(SessionRecord session, WebhookDelivery.State state) {
        return session.webhook() != null && session.webhook().state() == state;
    }

    /** How many sessions are kept. */
    public int size() {
        return sessions.size();
    }

    /** Forgets every session (tests). */
    public void clear() {
        reservations.clear();
        sessions.clear();
    }
}
