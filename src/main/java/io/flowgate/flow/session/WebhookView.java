package io.flowgate.flow.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.flowgate.store.WebhookDelivery;
import java.time.Instant;
import java.util.List;

/**
 * A session's webhook delivery as the integrator reads it: no URL, no secret.
 *
 * @param state {@code PENDING}, {@code DELIVERED} or {@code FAILED}
 * @param nextAttemptAt when PENDING: when the next attempt is due
 * @param attempts every attempt of this event, oldest first (the latest 100)
 * @param queued the types of the later events waiting behind this one, oldest first; absent when none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookView(String eventId, String type, String state, Instant nextAttemptAt, List<AttemptView> attempts,
        List<String> queued) {

    /**
     * @param statusCode the receiver's HTTP status, or null when it gave none
     * @param error why there was no status ({@code timeout}, {@code connection_failed}, ...), or null
     * @param outcome {@code delivered}, {@code retry} or {@code failed}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AttemptView(Instant at, Integer statusCode, String error, String outcome) {
    }

    /** The view of a delivery, or null for none. */
    public static WebhookView of(WebhookDelivery delivery) {
        if (delivery == null) {
            return null;
        }
        return new WebhookView(delivery.eventId(), delivery.type(), delivery.state().name(), delivery.nextAttemptAt(),
                delivery.attempts().stream()
                        .map(a -> new AttemptView(a.at(), a.statusCode(), a.error(), a.outcome())).toList(),
                delivery.queued().isEmpty() ? null : delivery.queued());
    }
}
