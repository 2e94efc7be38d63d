package io.flowgate.flow.result;

import io.flowgate.flow.session.FlowNotConfiguredException;
import io.flowgate.flow.session.SessionNotFoundException;
import io.flowgate.flow.session.SessionView;
import io.flowgate.flow.session.SessionViews;
import io.flowgate.flow.session.StoredResults;
import io.flowgate.flow.video.VideoArchiving;
import io.flowgate.client.FlowRemoteClient;
import io.flowgate.client.UpstreamResult;
import io.flowgate.client.UpstreamSessionUnknownException;
import io.flowgate.config.FlowgateConfig;
import io.flowgate.config.FlowConfig;
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
import org.jboss.logging.Logger;

/**
 * Fetches a session's result from the vendor and stores what it means. Idempotent: a final session
 * (COMPLETED or EXPIRED) is never fetched or changed again, results only accumulate, and every write
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
    private final FlowgateConfig config;
    private final SessionProgress progress;
    private final VideoArchiving videoArchiving;
    private final Clock clock;
    private final WebhookOutbox outbox;
    private final WebhookDeliverer deliverer;

    ResultCollection(SessionStore store, FlowRemoteClient vendor, FlowgateConfig config, SessionProgress progress,
            VideoArchiving videoArchiving, Clock clock, WebhookOutbox outbox, WebhookDeliverer deliverer) {
        this.store = store;
        this.vendor = vendor;
        this.config = config;
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

    /** Collects and returns the stored record. */
    public SessionRecord collect(String sessionId) {
        for (int attempt = 1; ; attempt++) {
            SessionRecord stored = store.find(sessionId).orElseThrow(() -> new SessionNotFoundException("id"));
            if (!stored.unfinished()) {
                return stored;
            }
            SessionRecord next = progress.next(stored, fetch(stored), now());
            if (next == stored) {
                return stored;
            }
            next = outbox.enqueue(next);
            try {
                store.update(next);
                LOG.infof("session.collected sessionId=%s flow=%s status=%s results=%s decision=%s version=%d",
                        next.sessionId(), next.flow(), next.status(),
                        String.join(",", StoredResults.read(next.resultJson()).keySet()),
                        next.decision() == null ? "-" : next.decision(), next.version());
                if (next.webhook() != null) {
                    deliverer.attemptSoon(next.sessionId());
                }
                videoArchiving.afterCompletion(next);
                return next;
            } catch (ConcurrentUpdateException lost) {
                if (attempt == ATTEMPTS) {
                    throw lost;
                }
                LOG.debugf("session.collect.retry sessionId=%s attempt=%d", sessionId, attempt);
            }
        }
    }

    private Map<String, Object> fetch(SessionRecord session) {
        FlowConfig flow = config.flows().get(session.flow());
        if (flow == null) {
            throw new FlowNotConfiguredException();
        }
        String apiKey = flow.apiKey();
        try {
            UpstreamResult result = vendor.fetchResult(session.sessionId(), apiKey);
            return Map.copyOf(result.results());
        } catch (UpstreamSessionUnknownException unknown) {
            if (progress.pastDeadline(session, now())) {
                return Map.of();
            }
            throw unknown;
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

}
