package io.flowgate.flow.session;

import io.flowgate.flow.decision.Decision;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A stored session as the integrator reads it. {@code document} and {@code raw} are personal data.
 *
 * @param status {@code CREATED}, {@code PENDING}, {@code COMPLETED} or {@code EXPIRED}
 * @param decision null until the session is final
 * @param webhook the webhook delivery of a final session whose flow has a webhook: its state and attempts
 * @param raw the vendor's results verbatim; only when asked for
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionView(
        String sessionId,
        String reference,
        String flow,
        String status,
        List<TechnologyResult> technologies,
        Document document,
        Decision decision,
        Instant createdAt,
        Instant updatedAt,
        Instant completedAt,
        Instant expiresAt,
        WebhookView webhook,
        Map<String, Object> raw) {

    /**
     * @param resultReceived whether the vendor has this technology's result; null for a code whose
     *        result field flowgate does not know (it never holds a session back)
     */
    public record TechnologyResult(String code, Boolean resultReceived) {
    }

    /**
     * The document-recognition fields, when that result is in.
     *
     * @param dateOfBirth parsed from the vendor's dd.MM.yyyy; null where it is not a valid date
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Document(String firstName, String lastName, String patronymic, String personalNumber,
            LocalDate dateOfBirth, String documentNumber, String authority) {

        @Override
        public String toString() {
            return "Document[redacted]";
        }
    }

    @Override
    public String toString() {
        return "SessionView[sessionId=" + sessionId + ", status=" + status + "]";
    }
}
