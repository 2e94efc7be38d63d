package io.flowgate.flow.webhook;

import io.flowgate.config.FlowConfig;
import io.flowgate.config.FlowgateConfig;
import io.flowgate.store.SessionRecord;
import io.flowgate.store.WebhookDelivery;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Puts the event of a session that has just become final into its outbox, when its flow has a webhook URL:
 * the delivery is part of the very write that makes the session final, so it cannot be lost. Later events
 * (reviewed, redacted) are put there by the write that makes them, behind any event not yet delivered.
 */
@ApplicationScoped
public class WebhookOutbox {

    private final FlowgateConfig config;

    WebhookOutbox(FlowgateConfig config) {
        this.config = config;
    }

    /** {@code finished} with a pending delivery, due at once, if its flow has a webhook; else as it is. */
    public SessionRecord enqueue(SessionRecord finished) {
        if (finished.unfinished() || finished.webhook() != null || !configured(finished.flow())) {
            return finished;
        }
        String type = WebhookEvents.type(finished);
        return finished.withWebhook(WebhookDelivery.pending(WebhookEvents.eventId(finished.sessionId(), type), type,
                finished.updatedAt(), List.of()));
    }

    /**
     * {@code session} with a later event ({@code session.reviewed}, {@code session.redacted}) in its outbox, for the
     * write that reviews or redacts it, when its flow has a webhook: queued behind an event still PENDING or FAILED
     * (delivered after it, in order), due at once when the one before was DELIVERED or there was none. An event
     * already there is not queued twice.
     */
    public SessionRecord follow(SessionRecord session, String type, Instant now) {
        if (!configured(session.flow())) {
            return session;
        }
        WebhookDelivery current = session.webhook();
        if (current != null && current.holds(type)) {
            return session;
        }
        WebhookDelivery next = current == null || current.state() == WebhookDelivery.State.DELIVERED
                ? WebhookDelivery.pending(WebhookEvents.eventId(session.sessionId(), type), type, now, List.of())
                : current.queue(type);
        return session.withWebhook(next);
    }

    /** Whether the flow has a webhook URL configured now. */
    boolean configured(String flow) {
        return settings(flow).flatMap(FlowConfig.Webhook::url).isPresent();
    }

    Optional<FlowConfig.Webhook> settings(String flow) {
        return Optional.ofNullable(config.flows().get(flow)).map(FlowConfig::webhook);
    }
}
