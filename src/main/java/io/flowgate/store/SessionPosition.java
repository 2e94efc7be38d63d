package io.flowgate.store;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * Where a session stands in a caller's listing of sessions, which runs from the newest to the oldest and, between
 * sessions created in the same millisecond, from the greatest session id down: a total order over every flow, so
 * that a page can start right after the last session of the one before, whichever flow it was of.
 *
 * @param createdAt when the session was created, to the millisecond
 * @param sessionId the session
 */
public record SessionPosition(Instant createdAt, String sessionId) {

    /** The listing's order: the newest first, then the greatest session id. */
    public static final Comparator<SessionPosition> LISTING_ORDER = Comparator
            .comparing(SessionPosition::createdAt).thenComparing(SessionPosition::sessionId).reversed();

    public SessionPosition {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(sessionId, "sessionId");
    }

    public static SessionPosition of(SessionRecord session) {
        return new SessionPosition(session.createdAt(), session.sessionId());
    }

    /** Whether {@code other} comes after this position in the listing. */
    public boolean isFollowedBy(SessionPosition other) {
        return LISTING_ORDER.compare(this, other) < 0;
    }
}
