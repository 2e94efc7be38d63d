package io.flowgate.flow.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.flowgate.flow.decision.Decision;
import java.util.Map;

/**
 * What flowgate tells a flow's integrator when a session is final, and later when it is reviewed or redacted. No
 * personal data: the integrator reads the result itself with getResult.
 *
 * @param id stable for the session and type: the same on every attempt and resend (also the {@code webhook-id})
 * @param type {@code session.completed}, {@code session.expired} or {@code session.cancelled} when the session
 *        becomes final; later {@code session.reviewed} or {@code session.redacted}
 * @param reference the integrator's own reference, or null
 * @param status {@code COMPLETED}, {@code EXPIRED} or {@code CANCELLED}
 * @param statusReason why an EXPIRED session ended so ({@code abandoned}, {@code vendor_refused}, ...), or the reason
 *        a CANCELLED one was cancelled for; else null
 * @param occurredAt when the session became final (reviewed, redacted: when that was done), ISO-8601 UTC
 * @param metadata the integrator's own key-value pairs given at creation, sorted by key; {@code {}} when none (and
 *        once the session is redacted)
 * @param review only in {@code session.reviewed}: the outcome recorded (never the reviewer's note)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"id", "type", "sessionId", "reference", "status", "statusReason", "decision", "occurredAt",
        "metadata", "review"})
public record WebhookEvent(String id, String type, String sessionId, String reference, String status,
        String statusReason, Decision decision, String occurredAt, Map<String, String> metadata,
        @JsonInclude(JsonInclude.Include.NON_NULL) Review review) {

    public static final String COMPLETED = "session.completed";
    public static final String EXPIRED = "session.expired";
    public static final String CANCELLED = "session.cancelled";
    public static final String REVIEWED = "session.reviewed";
    public static final String REDACTED = "session.redacted";

    /** An event without a review. */
    public WebhookEvent(String id, String type, String sessionId, String reference, String status,
            String statusReason, Decision decision, String occurredAt, Map<String, String> metadata) {
        this(id, type, sessionId, reference, status, statusReason, decision, occurredAt, metadata, null);
    }

    /**
     * @param outcome {@code approved} or {@code declined}
     * @param reviewer the name of the caller that recorded it
     * @param reviewedAt ISO-8601 UTC
     */
    public record Review(String outcome, String reviewer, String reviewedAt) {
    }
}

