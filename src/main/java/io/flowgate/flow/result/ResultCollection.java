package io.flowgate.flow.result;

import io.flowgate.client.FlowRemoteClient;
import io.flowgate.client.UpstreamResult;
import io.flowgate.client.UpstreamSessionUnknownException;
import io.flowgate.flow.metrics.Metrics;
import io.flowgate.flow.session.FlowKeys;
import io.flowgate.flow.session.SessionNotFoundException;
import io.flowgate.flow.session.SessionView;
import io.flowgate.flow.session.SessionViews;
import io.flowgate.flow.session.StatusReasons;
import io.flowgate.flow.session.StoredResults;
import io.flowgate.flow.video.VideoArchiving;
import io.flowgate.flow.webhook.WebhookDeliverer;
import io.flowgate.flow.webhook.WebhookOutbox;
import io.flowgate.store.ConcurrentUpdateException;
import io.flowgate.store.SessionRecord;
import io.flowgate.store.SessionStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * Fetches a session's result from the vendor and stores what it means. Idempotent: a final session
 * (COMPLETED, EXPIRED or CANCELLED) is never fetched or changed again, results only accumulate, and every write
 * is conditional on the version read, so concurrent collections cannot lose an update or move a
 * status backwards. The write that makes a session final also puts its webhook event in the session's
 * outbox, when its flow has a webhook; the first attempt follows on another thread.
 */
@ApplicationScoped
public class ResultCollection {

    private static final Logger LOG = Logger.getLogger(ResultCollection.class);
    private static final int ATTEMPTS = 5;

    private final SessionStore store;
    private final FlowRemoteClient vendor;
    private final FlowKeys keys;
    private final SessionProgress progress;
    private final VideoArchiving videoArchiving;
    private final Clock clock;
    private final WebhookOutbox outbox;
    private final WebhookDeliverer deliverer;
    private final Metrics metrics;

    ResultCollection(SessionStore store, FlowRemoteClient vendor, FlowKeys keys, SessionProgress progress,
            VideoArchiving videoArchiving, Clock clock, WebhookOutbox outbox, WebhookDeliverer deliverer,
            Metrics metrics) {
        this.metrics = metrics;
        this.store = store;
        this.vendor = vendor;
        this.keys = keys;
        this.progress = progress;
        this.videoArchiving = videoArchiving;
        this.clock = clock;
        this.outbox = outbox;
        this.deliverer = deliverer;
    }

    /** Collects and returns the stored session; {@code includeRaw} adds the vendor's results verbatim. */
    public SessionView collect(String sessionId, boolean includeRaw) {
        return SessionViews.of(collect(sessionId), includeRaw);
    }

    /**
     * Collects and returns the stored record. Past its deadline a session is made final whatever the vendor
     * answers: a failure to collect it makes it EXPIRED with the failure's {@link StatusReasons reason}, keeping the
     * results already received. Before the deadline a failure is thrown, and the session stays as it was.
     */
    public SessionRecord collect(String sessionId) {
        for (int attempt = 1; ; attempt++) {
            SessionRecord stored = store.find(sessionId).orElseThrow(() -> new SessionNotFoundException("id"));
            if (!stored.unfinished()) {
                return stored;
            }
            SessionRecord next = next(stored);
            if (next == stored) {
                return stored;
            }
            next = outbox.enqueue(next);
            try {
                store.update(next);
            } catch (ConcurrentUpdateException lost) {
                if (attempt == ATTEMPTS) {
                    throw lost;
                }
                LOG.debugf("session.collect.retry sessionId=%s attempt=%d", sessionId, attempt);
                continue;
            }
            afterWrite(stored, next);
            return next;
        }
    }

    private SessionRecord next(SessionRecord stored) {
        Instant now = now();
        Map<String, Object> fetched;
        try {
            fetched = fetch(stored, now);
        } catch (RuntimeException failure) {
            if (!progress.pastDeadline(stored, now)) {
                postpone(stored, failure, now);
                throw failure;
            }
            String reason = StatusReasons.of(failure);
            LOG.warnf("session.expired.unanswered sessionId=%s flow=%s reason=%s failure=%s", stored.sessionId(),
                    stored.flow(), reason, failure.getClass().getSimpleName());
            return progress.expiredAfterFailure(stored, reason, now);
        }
        return progress.next(stored, fetched, now);
    }

    /**
     * Records a failed collection on the session, which makes it due again later (see
     * {@link SessionProgress#afterFailure}). Best effort: the failure itself is what the caller hears of.
     */
    private void postpone(SessionRecord stored, RuntimeException failure, Instant now) {
        SessionRecord postponed = progress.afterFailure(stored, StatusReasons.of(failure), now);
        try {
            store.update(postponed);
            LOG.infof("session.collect.failed sessionId=%s flow=%s reason=%s failures=%d nextCollectAt=%s",
                    stored.sessionId(), stored.flow(), postponed.collection().lastError(),
                    postponed.collection().failures(), postponed.collectDueAt());
        } catch (RuntimeException notRecorded) {
            LOG.infof("session.collect.failed sessionId=%s flow=%s reason=%s recorded=false", stored.sessionId(),
                    stored.flow(), postponed.collection().lastError());
        }
    }

    private void afterWrite(SessionRecord stored, SessionRecord next) {
        if (next.status() == stored.status() && Objects.equals(next.resultJson(), stored.resultJson())) {
            LOG.debugf("session.collect.unchanged sessionId=%s nextCollectAt=%s", next.sessionId(), next.collectDueAt());
            return;
        }
        LOG.infof("session.collected sessionId=%s flow=%s status=%s%s results=%s decision=%s version=%d",
                next.sessionId(), next.flow(), next.status(),
                next.statusReason() == null ? "" : " statusReason=" + next.statusReason(),
                String.join(",", StoredResults.read(next.resultJson()).keySet()),
                next.decision() == null ? "-" : next.decision(), next.version());
        if (!next.unfinished()) {
            metrics.sessionFinished(next);
        }
        if (next.webhook() != null) {
            deliverer.attemptSoon(next.sessionId());
        }
        videoArchiving.afterCompletion(next);
    }

    private Map<String, Object> fetch(SessionRecord session, Instant now) {
        String apiKey = keys.apiKeyOf(session.flow());
        try {
            UpstreamResult result = vendor.fetchResult(session.sessionId(), apiKey);
            return Map.copyOf(result.results());
        } catch (UpstreamSessionUnknownException unknown) {
            if (progress.pastDeadline(session, now)) {
                return Map.of();
            }
            throw unknown;
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

}
