package io.flowgate.flow.cancellation;

import io.flowgate.flow.decision.Decision;
import io.flowgate.flow.metrics.Metrics;
import io.flowgate.flow.session.Caller;
import io.flowgate.flow.session.SessionLookup;
import io.flowgate.flow.session.SessionNotFoundException;
import io.flowgate.flow.session.SessionConflictException;
import io.flowgate.flow.session.SessionView;
import io.flowgate.flow.session.SessionViews;
import io.flowgate.flow.webhook.WebhookDeliverer;
import io.flowgate.flow.webhook.WebhookOutbox;
import io.flowgate.store.ConcurrentUpdateException;
import io.flowgate.store.SessionRecord;
import io.flowgate.store.SessionStatus;
import io.flowgate.store.SessionStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Cancels a session that is not final yet: it becomes CANCELLED, a final status, with the integrator's reason as its
 * {@code statusReason} and the decision {@code declined}. The vendor has no cancel call: its session stays open
 * there until it expires, and whatever it collects is never fetched by flowgate (a final session is never collected
 * again). The write that cancels is conditional on the version read and puts the {@code session.cancelled} event in
 * the session's outbox; losing to another writer (a collection finishing the session), the session is read and
 * judged again, so a session that became final meanwhile is refused, never overwritten.
 */
@ApplicationScoped
public class SessionCancellation {

    /** The decision's reason on a cancelled session. */
    public static final String DECISION_REASON = "the session was cancelled by the integrator";

    private static final Logger LOG = Logger.getLogger(SessionCancellation.class);
    private static final int ATTEMPTS = 5;

    private final SessionLookup lookup;
    private final SessionStore store;
    private final WebhookOutbox outbox;
    private final WebhookDeliverer deliverer;
    private final Metrics metrics;
    private final Clock clock;

    SessionCancellation(SessionLookup lookup, SessionStore store, WebhookOutbox outbox, WebhookDeliverer deliverer,
            Metrics metrics, Clock clock) {
        this.lookup = lookup;
        this.store = store;
        this.outbox = outbox;
        this.deliverer = deliverer;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * @param reason the integrator's reason ({@link CancelReason}), or null
     * @return the cancelled session as getResult shows it
     * @throws SessionConflictException {@code session_final} when the session is already final
     * @throws ConcurrentUpdateException when the session kept changing under five attempts
     */
    public SessionView cancel(String sessionId, String reason, Caller caller) {
        String statusReason = CancelReason.check(reason);
        String id = lookup.checkAccess(sessionId, caller);
        for (int attempt = 1; ; attempt++) {
            SessionRecord stored = store.find(id).orElseThrow(() -> new SessionNotFoundException("id"));
            if (!stored.unfinished()) {
                LOG.infof("session.cancel.refused sessionId=%s flow=%s status=%s", id, stored.flow(), stored.status());
                throw SessionConflictException.finalSession(stored.status());
            }
            SessionRecord cancelled = outbox.enqueue(cancelled(stored, statusReason));
            try {
                store.update(cancelled);
            } catch (ConcurrentUpdateException lost) {
                if (attempt == ATTEMPTS) {
                    throw lost;
                }
                LOG.debugf("session.cancel.retry sessionId=%s attempt=%d", id, attempt);
                continue;
            }
            LOG.infof("session.cancelled sessionId=%s flow=%s caller=%s reason=%s version=%d", id, cancelled.flow(),
                    caller.name(), statusReason, cancelled.version());
            metrics.sessionFinished(cancelled);
            if (cancelled.webhook() != null) {
                deliverer.attemptSoon(id);
            }
            return SessionViews.of(cancelled, false);
        }
    }

    /** The session made CANCELLED now, the results already received kept, one version on. */
    private SessionRecord cancelled(SessionRecord stored, String statusReason) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        SessionRecord cancelled = stored.next(SessionStatus.CANCELLED, statusReason, now, now, stored.resultJson(),
                Decision.DECLINED, List.of(DECISION_REASON), null);
        return stored.resultTruncated() ? cancelled.withResultTruncated() : cancelled;
    }
}
