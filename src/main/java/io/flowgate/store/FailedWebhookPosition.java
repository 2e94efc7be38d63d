package io.flowgate.store;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * Where a session stands in the listing of failed webhook deliveries, which runs from the latest failure to the
 * earliest and, between failures of the same millisecond, from the greatest session id down: a total order over
 * every flow, so that a page of the listing can start right after the last session of the one before.
 *
 * @param failedAt when the delivery last failed ({@link WebhookDelivery#lastActivity()}), to the millisecond
 * @param sessionId the session
 */
public record FailedWebhookPosition(Instant failedAt, String sessionId) {

    /** The listing's order: the latest failure first, then the greatest session id. */
    public static final Comparator<FailedWebhookPosition> LISTING_ORDER = Comparator
            .comparing(FailedWebhookPosition::failedAt).thenComparing(FailedWebhookPosition::sessionId).reversed();

    public FailedWebhookPosition {
        Objects.requireNonNull(failedAt, "failedAt");
        Objects.requireNonNull(sessionId, "sessionId");
    }

    /** The position of a session whose delivery FAILED. */
    public static FailedWebhookPosition of(SessionRecord session) {
        return new FailedWebhookPosition(session.webhook().lastActivity(), session.sessionId());
    }

    /** Whether {@code other} comes after this position in the listing. */
    public boolean isFollowedBy(FailedWebhookPosition other) {
        return LISTING_ORDER.compare(this, other) < 0;
    }
}
