package io.flowgate.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where sessions are kept. Adapters hold no business rules; every change is a conditional write,
 * so concurrent writers can never lose an update.
 */
public interface SessionStore {

    /**
     * Stores a new session.
     *
     * @throws SessionAlreadyExistsException if a session with that id is already stored
     */
    void create(SessionRecord session);

    /** The session with that id, if stored. */
    Optional<SessionRecord> find(String sessionId);

    /**
     * The most recently created session of that caller with that integrator reference, if any: references belong
     * to the caller that created the session. A session stored without a caller is never found by reference.
     */
    Optional<SessionRecord> findByReference(String caller, String reference);

    /**
     * Replaces the stored session with {@code updated} if the stored one is still at
     * {@code updated.version() - 1}.
     *
     * @throws ConcurrentUpdateException if the stored version is another (someone else wrote first)
     *         or the session is not stored
     */
    void update(SessionRecord updated);

    /**
     * Up to {@code limit} unfinished sessions (CREATED or PENDING) due for collection at or before {@code now}
     * ({@link SessionRecord#collectDueAt()}), the earliest due first.
     */
    List<SessionRecord> findDueCollections(Instant now, int limit);

    /** Up to {@code limit} final sessions whose video copy is due at or before {@code now}, the earliest due first. */
    List<SessionRecord> findDueVideoCopies(Instant now, int limit);

    /** Up to {@code limit} sessions whose webhook delivery is PENDING and due at or before {@code now}, earliest first. */
    List<SessionRecord> findDueWebhooks(Instant now, int limit);

    /**
     * Up to {@code limit} sessions of the given flows whose webhook delivery FAILED, in the listing's order (the
     * latest failure first: {@link FailedWebhookPosition#LISTING_ORDER}), from the one right after {@code after}, or
     * from the first when it is null. Reads only the given flows' failed deliveries, whatever other flows hold.
     */
    List<SessionRecord> findFailedWebhooks(Set<String> flows, FailedWebhookPosition after, int limit);

    /**
     * Up to {@code limit} of the listing's caller's sessions that match its filters, in the listing's order (the
     * newest first: {@link SessionPosition#LISTING_ORDER}), from the one right after {@code listing.after()}, or
     * from the newest when it is null. Reads only that caller's sessions of the given flows; sessions stored
     * without a caller are never listed.
     */
    List<SessionRecord> listSessions(SessionListing listing, int limit);
}
