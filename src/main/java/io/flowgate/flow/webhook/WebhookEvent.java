package io.flowgate.flow.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.flowgate.flow.decision.Decision;
import java.util.Map;

/**
 * What flowgate tells a flow's integrator when a session is final. No personal data: the integrator reads the
 * result itself with getResult.
 *
 * @param id stable for the session and type: the same on every attempt and resend (also the {@code webhook-id})
 * @param type {@code session.completed}, {@code session.expired} or {@code session.cancelled}
 * @param reference the integrator's own reference, or null
 * @param status {@code COMPLETED}, {@code EXPIRED} or {@code CANCELLED}
 * @param statusReason why an EXPIRED session ended so ({@code abandoned}, {@code vendor_refused}, ...), or the reason
 *        a CANCELLED one was cancelled for; else null
 * @param occurredAt when the session became final, ISO-8601 UTC
 * @param metadata the integrator's own key-value pairs given at creation, sorted by key; {@code {}} when none
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"id", "type", "sessionId", "reference", "status", "statusReason", "decision", "occurredAt", "metadata"})
public record WebhookEvent(String id, String type, String sessionId, String reference, String status,
        String statusReason, Decision decision, String occurredAt, Map<String, String> metadata) {

    public static final String COMPLETED = "session.completed";
    public static final String EXPIRED = "session.expired";
    public static final String CANCELLED = "session.cancelled";
}
