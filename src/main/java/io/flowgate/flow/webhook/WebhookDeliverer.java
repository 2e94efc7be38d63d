package io.flowgate.flow.webhook;

import io.flowgate.budget.Budget;
import io.flowgate.budget.InvocationBudget;
import io.flowgate.config.FlowConfig;
import io.flowgate.config.FlowgateConfig;
import io.flowgate.config.WebhooksConfig;
import io.flowgate.flow.metrics.Metrics;
import io.flowgate.flow.webhook.WebhookSender.Answer;
import io.flowgate.logging.LogContext;
import io.flowgate.store.ConcurrentUpdateException;
import io.flowgate.store.SessionRecord;
import io.flowgate.store.SessionStore;
import io.flowgate.store.WebhookDelivery;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * Makes the attempts the stored outboxes ask for. An attempt is claimed first, by writing the session at the next
 * version with the delivery due again only after the attempt's timeout and a margin: of two deliverers that read
 * the same version only one can claim it, and an attempt lost with its process (a Lambda instance that went away)
 * is made again once the claim runs out. Then the event is signed and sent, and the attempt recorded.
 */
@ApplicationScoped
public class WebhookDeliverer {

    private static final Logger LOG = Logger.getLogger(WebhookDeliverer.class);
    private static final Duration CLAIM_MARGIN = Duration.ofMinutes(1);
    /** How often the record of an attempt is written again over other writers' changes before it is given up. */
    private static final int RECORD_TRIES = 5;
    /** How many of a session's events one call delivers one after the other (a final event, reviewed, redacted). */
    private static final int EVENTS_IN_A_ROW = 4;

    private final SessionStore store;
    private final WebhookSender sender;
    private final WebhookOutbox outbox;
    private final WebhooksConfig config;
    private final RetrySchedule schedule;
    private final Clock clock;
    private final ManagedExecutor executor;
    private final Metrics metrics;

    WebhookDeliverer(SessionStore store, WebhookSender sender, WebhookOutbox outbox, FlowgateConfig config,
            Clock clock, ManagedExecutor executor, Metrics metrics) {
        this.metrics = metrics;
        this.store = store;
        this.sender = sender;
        this.outbox = outbox;
        this.config = config.webhooks();
        this.schedule = new RetrySchedule(config.webhooks());
        this.clock = clock;
        this.executor = executor;
    }

    /**
     * What one run did: {@code examined} due deliveries, and what became of their attempts (an event delivered with
     * another queued behind it is followed by that one's attempt in the same run, counted too).
     */
    public record DeliveryReport(int examined, int delivered, int retrying, int failed, int skipped, int leftOver) {
    }

    /**
     * Makes the session's first attempt on another thread, so that the caller (the browser's callback) neither
     * waits for it nor fails with it; what it cannot do, the scheduled run does.
     */
    public void attemptSoon(String sessionId) {
        executor.runAsync(() -> {
            try {
                attemptInOrder(sessionId);
            } catch (RuntimeException e) {
                LOG.warnf("webhook.attempt.failed sessionId=%s reason=%s", sessionId, e.getClass().getSimpleName());
            }
        });
    }

    /**
     * Delivers what is due now, a batch at a time, within the invocation's budget ({@link InvocationBudget}; without
     * one, {@code flowgate.webhooks.time-budget}), as the sweep does: no attempt starts once less than one attempt's
     * timeout is left; the deliveries left are counted in {@code leftOver} and due at the next run.
     */
    public DeliveryReport deliverDue() {
        Budget budget = InvocationBudget.current().orElseGet(() -> Budget.of(config.timeBudget()));
        List<SessionRecord> due = store.findDueWebhooks(now(), config.batchSize());
        int delivered = 0;
        int retrying = 0;
        int failed = 0;
        int examined = 0;
        int skipped = 0;
        for (SessionRecord session : due) {
            if (!budget.allows(config.timeout())) {
                break;
            }
            examined++;
            for (int event = 1; event <= EVENTS_IN_A_ROW; event++) {
                Optional<WebhookDelivery> made = attemptLogged(session);
                WebhookDelivery.State state = made.map(WebhookDelivery::state).orElse(null);
                if (state == WebhookDelivery.State.DELIVERED) {
                    delivered++;
                } else if (state == WebhookDelivery.State.PENDING) {
                    retrying++;
                } else if (state == WebhookDelivery.State.FAILED) {
                    failed++;
                } else if (event == 1) {
                    skipped++;
                }
                if (made.isEmpty() || !made.get().advances() || !budget.allows(config.timeout())) {
                    break;
                }
            }
        }
        int leftOver = due.size() - examined;
        DeliveryReport report = new DeliveryReport(examined, delivered, retrying, failed, skipped, leftOver);
        LOG.logf(due.isEmpty() ? Logger.Level.DEBUG : leftOver > 0 ? Logger.Level.WARN : Logger.Level.INFO,
                "webhook.run examined=%d delivered=%d retrying=%d failed=%d skipped=%d leftOver=%d", examined,
                delivered, retrying, failed, report.skipped(), leftOver);
        return report;
    }

    /**
     * Makes the session's due attempt, and when that delivers an event with others queued behind it, theirs too, one
     * after the other (up to {@value #EVENTS_IN_A_ROW} events); what is left is due for the scheduled run.
     */
    public void attemptInOrder(String sessionId) {
        for (int event = 1; event <= EVENTS_IN_A_ROW; event++) {
            Optional<WebhookDelivery> made = attempt(sessionId);
            if (made.isEmpty() || !made.get().advances()) {
                return;
            }
        }
    }

    /** {@link #attempt} with the session's id and flow on its log lines. */
    private Optional<WebhookDelivery> attemptLogged(SessionRecord session) {
        try (LogContext.Scope ignored = LogContext.sessionScope(session.sessionId(), session.flow())) {
            return attempt(session.sessionId());
        }
    }

    /**
     * Makes the session's attempt if one is due and this process wins the claim; returns the delivery as
     * recorded after it, or empty when nothing was attempted here (not due, or claimed by another).
     */
    public Optional<WebhookDelivery> attempt(String sessionId) {
        SessionRecord stored = store.find(sessionId).orElse(null);
        Instant now = now();
        if (stored == null || !due(stored.webhook(), now)) {
            return Optional.empty();
        }
        WebhookDelivery delivery = stored.webhook();
        SessionRecord claimed = stored.nextWebhook(delivery.dueAt(now.plus(config.timeout()).plus(CLAIM_MARGIN)));
        try {
            store.update(claimed);
        } catch (ConcurrentUpdateException taken) {
            LOG.debugf("webhook.claim.lost sessionId=%s eventId=%s", sessionId, delivery.eventId());
            return Optional.empty();
        }
        Answer answer = send(stored, delivery, now);
        WebhookDelivery after = record(claimed, answer, now).orElse(null);
        if (after == null) {
            return Optional.empty();
        }
        WebhookDelivery.Attempt last = after.attempts().get(after.attempts().size() - 1);
        LOG.infof("webhook.attempt sessionId=%s flow=%s eventId=%s host=%s status=%s error=%s outcome=%s round=%d",
                sessionId, stored.flow(), delivery.eventId(), host(stored.flow()),
                last.statusCode() == null ? "-" : last.statusCode(), last.error() == null ? "-" : last.error(),
                last.outcome(), after.roundAttempts());
        metrics.webhookAttempt(stored.flow(), last.outcome());
        return Optional.of(after);
    }

    /**
     * Records the attempt's outcome on the delivery this process claimed. When another writer changed the session
     * since the claim (the video copy's write, say), the session is read again and the outcome applied to it as it
     * now is, up to {@value #RECORD_TRIES} times, so that neither the attempt nor the other change is lost (the
     * attempt, not recorded, would be made again once its claim ran out); an event queued behind it meanwhile stays
     * queued. When the attempt delivered the event and another is queued behind it, the same write makes that one the
     * delivery, due at once; the answer is still the delivered one. Empty when the delivery is no longer the
     * one claimed (the claim ran out and another deliverer took it over, whose record stands) or the tries ran out.
     */
    private Optional<WebhookDelivery> record(SessionRecord claimed, Answer answer, Instant attemptedAt) {
        SessionRecord current = claimed;
        for (int tries = 1; ; tries++) {
            WebhookDelivery after = schedule.after(current.webhook(), answer, attemptedAt);
            WebhookDelivery stored = after.advances()
                    ? after.next(WebhookEvents.eventId(claimed.sessionId(), after.queued().get(0)), attemptedAt)
                    : after;
            try {
                store.update(current.nextWebhook(stored));
                return Optional.of(after);
            } catch (ConcurrentUpdateException lost) {
                SessionRecord fresh = store.find(claimed.sessionId()).orElse(null);
                if (fresh == null || !claimed.webhook().sameAttemptAs(fresh.webhook())) {
                    LOG.warnf("webhook.record.superseded sessionId=%s eventId=%s: the delivery changed during the attempt",
                            claimed.sessionId(), claimed.webhook().eventId());
                    return Optional.empty();
                }
                if (tries == RECORD_TRIES) {
                    LOG.warnf("webhook.record.lost sessionId=%s eventId=%s tries=%d: the attempt is made again once its"
                            + " claim runs out", claimed.sessionId(), claimed.webhook().eventId(), tries);
                    return Optional.empty();
                }
                LOG.debugf("webhook.record.retry sessionId=%s eventId=%s version=%d", claimed.sessionId(),
                        claimed.webhook().eventId(), fresh.version());
                current = fresh;
            }
        }
    }

    private static boolean due(WebhookDelivery delivery, Instant now) {
        return delivery != null && delivery.state() == WebhookDelivery.State.PENDING
                && !delivery.nextAttemptAt().isAfter(now);
    }

    private Answer send(SessionRecord session, WebhookDelivery delivery, Instant now) {
        Optional<FlowConfig.Webhook> settings = outbox.settings(session.flow());
        Optional<String> url = settings.flatMap(FlowConfig.Webhook::url);
        List<String> secrets = settings.flatMap(FlowConfig.Webhook::secrets).orElse(List.of());
        if (url.isEmpty() || secrets.isEmpty()) {
            return new Answer(null, "not_configured");
        }
        byte[] body = WebhookEvents.body(WebhookEvents.of(session, delivery.type()));
        long timestamp = now.getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", "flowgate-webhooks");
        headers.put("webhook-id", delivery.eventId());
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", WebhookSigner.signature(secrets, delivery.eventId(), timestamp, body));
        return sender.post(url.get(), headers, body);
    }

    /** Only the host of a webhook URL reaches a log: its path or query may carry a token. */
    private String host(String flow) {
        return outbox.settings(flow).flatMap(FlowConfig.Webhook::url).map(url -> {
            try {
                return URI.create(url).getHost();
            } catch (IllegalArgumentException e) {
                return "invalid";
            }
        }).orElse("-");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
