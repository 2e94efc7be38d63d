package io.flowgate.flow.review;

import io.flowgate.flow.decision.Decision;
import io.flowgate.flow.request.InvalidRequestException;
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
import io.flowgate.store.SessionReview;
import io.flowgate.store.SessionStatus;
import io.flowgate.store.SessionStore;
import io.flowgate.store.WebhookDelivery;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Records the reviewer's final word on a COMPLETED session whose decision is {@code review}: the outcome, the caller
 * that recorded it, the time and an optional note, in one conditional write (read again if another writer came first)
 * that also queues {@code session.reviewed}. The decision itself stays as the rules made it. Recording the same
 * outcome and note again answers the session as it is, with no second event; anything else on a reviewed session is
 * {@code already_reviewed}. The note is never logged.
 */
@ApplicationScoped
public class SessionReviewing {

    /** The longest note, in characters. */
    public static final int MAX_NOTE_LENGTH = 500;

    private static final Logger LOG = Logger.getLogger(SessionReviewing.class);
    private static final Set<String> OUTCOMES = Set.of(SessionReview.APPROVED, SessionReview.DECLINED);
    private static final int WRITE_TRIES = 5;

    private final SessionLookup lookup;
    private final SessionStore store;
    private final WebhookOutbox outbox;
    private final WebhookDeliverer deliverer;
    private final Clock clock;

    SessionReviewing(SessionLookup lookup, SessionStore store, WebhookOutbox outbox, WebhookDeliverer deliverer,
            Clock clock) {
        this.lookup = lookup;
        this.store = store;
        this.outbox = outbox;
        this.deliverer = deliverer;
        this.clock = clock;
    }

    /**
     * @throws InvalidRequestException {@code invalid_outcome}, {@code invalid_note}, or a session id's refusal
     * @throws SessionNotFoundException for an unknown session or one of a flow the caller may not use
     * @throws SessionConflictException {@code session_not_in_review}, {@code already_reviewed} or
     *         {@code session_redacted}
     */
    public SessionView review(String sessionId, String outcome, String note, Caller caller) {
        String id = SessionLookup.checkedId(sessionId);
        if (outcome == null) {
            throw new InvalidRequestException("missing_field", "outcome", "Give the outcome: approved or declined.");
        }
        if (!OUTCOMES.contains(outcome)) {
            throw new InvalidRequestException("invalid_outcome", "outcome", "The outcome is approved or declined.");
        }
        if (note != null && (note.isBlank() || note.length() > MAX_NOTE_LENGTH)) {
            throw new InvalidRequestException("invalid_note", "note",
                    "A note is 1 to " + MAX_NOTE_LENGTH + " characters (and not meant for personal data).");
        }
        for (int tries = 1; ; tries++) {
            SessionRecord stored = lookup.owned(id, caller);
            if (stored.redacted()) {
                throw new SessionConflictException("session_redacted",
                        "The session was redacted; it can no longer be reviewed.");
            }
            if (stored.review() != null) {
                if (stored.review().outcome().equals(outcome) && Objects.equals(stored.review().note(), note)) {
                    return SessionViews.of(stored, false);
                }
                throw new SessionConflictException("already_reviewed",
                        "The session was already reviewed; see its review in getResult.");
            }
            if (stored.status() != SessionStatus.COMPLETED || !Decision.REVIEW.equals(stored.decision())) {
                throw new SessionConflictException("session_not_in_review",
                        "Only a COMPLETED session whose decision is review can be reviewed.");
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            SessionRecord reviewed = outbox.follow(
                    stored.reviewed(new SessionReview(outcome, caller.name(), now, note), now),
                    WebhookEvent.REVIEWED, now);
            try {
                store.update(reviewed);
            } catch (ConcurrentUpdateException lost) {
                if (tries == WRITE_TRIES) {
                    throw lost;
                }
                continue;
            }
            LOG.infof("session.reviewed sessionId=%s flow=%s outcome=%s reviewer=%s", id, reviewed.flow(), outcome,
                    caller.name());
            if (reviewed.webhook() != null && reviewed.webhook().state() == WebhookDelivery.State.PENDING) {
                deliverer.attemptSoon(id);
            }
            return SessionViews.of(reviewed, false);
        }
    }
}
