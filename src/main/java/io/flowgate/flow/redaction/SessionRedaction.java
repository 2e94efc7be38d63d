package io.flowgate.flow.redaction;

import io.flowgate.flow.session.Caller;
import io.flowgate.flow.session.SessionConflictException;
import io.flowgate.flow.session.SessionLookup;
import io.flowgate.flow.session.SessionNotFoundException;
import io.flowgate.flow.session.SessionView;
import io.flowgate.flow.session.SessionViews;
import io.flowgate.flow.webhook.WebhookDeliverer;
import io.flowgate.flow.webhook.WebhookEvent;
import io.flowgate.flow.webhook.WebhookOutbox;
import io.flowgate.store.ConcurrentUpdateException;
import io.flowgate.store.SessionRecord;
import io.flowgate.store.SessionStore;
import io.flowgate.store.VideoBucket;
import io.flowgate.store.WebhookDelivery;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jboss.logging.Logger;

/**
 * Erases a final session's personal data and keeps its tombstone ({@link SessionRecord#redactedAt}): one conditional
 * write, on the version read (read again if another writer came first), that drops the vendor's results (and with
 * them the document fields getResult reads from them), the video copy's state, the review's note and the return URL,
 * and queues {@code session.redacted}; then the archived video is deleted from the bucket. The order matters: once
 * the tombstone is stored no copy of the video can be made again (the sweep takes none, and a copy in flight deletes
 * what it uploaded when its write finds the session redacted), so the delete that follows is the last word.
 * Idempotent: a redacted session is answered as it is, with no second event, its video deleted again (a delete that
 * failed the first time is made then). Logs carry ids only.
 */
@ApplicationScoped
public class SessionRedaction {

    private static final Logger LOG = Logger.getLogger(SessionRedaction.class);
    private static final int WRITE_TRIES = 5;

    private final SessionLookup lookup;
    private final SessionStore store;
    private final VideoBucket bucket;
    private final WebhookOutbox outbox;
    private final WebhookDeliverer deliverer;
    private final Clock clock;

    SessionRedaction(SessionLookup lookup, SessionStore store, VideoBucket bucket, WebhookOutbox outbox,
            WebhookDeliverer deliverer, Clock clock) {
        this.lookup = lookup;
        this.store = store;
        this.bucket = bucket;
        this.outbox = outbox;
        this.deliverer = deliverer;
        this.clock = clock;
    }

    /**
     * Redacts the final session {@code sessionId} of a flow the caller may use and returns its tombstone.
     *
     * @throws SessionNotFoundException for an unknown session or one of a flow the caller may not use
     * @throws SessionConflictException {@code session_not_final} while it is CREATED or PENDING
     * @throws RedactionIncompleteException when the tombstone is stored but the video's delete failed
     */
    public SessionView redact(String sessionId, Caller caller) {
        String id = SessionLookup.checkedId(sessionId);
        for (int tries = 1; ; tries++) {
            SessionRecord stored = lookup.owned(id, caller);
            if (stored.unfinished()) {
                throw new SessionConflictException("session_not_final",
                        "Only a final session can be redacted; cancel it first, or wait until it is final.");
            }
            if (stored.redacted()) {
                deleteVideo(stored);
                return SessionViews.of(stored, false);
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            SessionRecord tombstone = outbox.follow(stored.redactedAt(now), WebhookEvent.REDACTED, now);
            try {
                store.update(tombstone);
            } catch (ConcurrentUpdateException lost) {
                if (tries == WRITE_TRIES) {
                    throw lost;
                }
                continue;
            }
            LOG.infof("session.redacted sessionId=%s flow=%s version=%d", id, tombstone.flow(), tombstone.version());
            deleteVideo(tombstone);
            if (tombstone.webhook() != null && tombstone.webhook().state() == WebhookDelivery.State.PENDING) {
                deliverer.attemptSoon(id);
            }
            return SessionViews.of(tombstone, false);
        }
    }

    /** Deletes {@code videos/<sessionId>} when videos are archived; a missing object is no failure. */
    private void deleteVideo(SessionRecord session) {
        if (!bucket.enabled()) {
            return;
        }
        try {
            bucket.delete(session.sessionId());
        } catch (RuntimeException failed) {
            LOG.warnf("session.redact.video-delete-failed sessionId=%s error=%s", session.sessionId(),
                    failed.getClass().getSimpleName());
            throw new RedactionIncompleteException();
        }
    }
}
