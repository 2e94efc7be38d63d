package io.flowgate.flow.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.flowgate.flow.decision.Decision;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A stored session as the integrator reads it. {@code document} and {@code raw} are personal data.
 *
 * @param status {@code CREATED}, {@code PENDING}, {@code COMPLETED}, {@code EXPIRED} or {@code CANCELLED}
 * @param statusReason why an EXPIRED session ended so ({@code abandoned}, {@code vendor_refused},
 *        {@code vendor_session_unknown}, {@code vendor_unavailable}, {@code flow_removed},
 *        {@code collection_failed}), or the integrator's reason for cancelling a CANCELLED one ({@code unspecified}
 *        when it gave none); null otherwise. Kept as a string: a new reason does not break a reader
 * @param decision null until the session is final
 * @param videoArchive where the copy of the session's video in the archive stands, when videos are archived
 * @param webhook the webhook delivery of a final session whose flow has a webhook: its state and attempts
 * @param rawTruncated true when the vendor's result was larger than flowgate keeps and its longest values were cut
 *        (the decision was made on the whole result); absent otherwise
 * @param raw the vendor's results verbatim; only when asked for (never for a redacted session)
 * @param metadata the integrator's own key-value pairs given at creation, sorted by key; absent when none were
 *        given (so the answer for a session without metadata is as it was before metadata existed)
 * @param review the outcome a reviewer recorded for a session decided {@code review}; absent before
 * @param redacted true once the session's personal data was erased (redactSession): no results, no document, no
 *        video, no review note; absent otherwise
 * @param redactedAt when it was redacted; absent otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionView(
        String sessionId,
        String reference,
        String flow,
        String status,
        String statusReason,
        List<TechnologyResult> technologies,
        Document document,
        Decision decision,
        Instant createdAt,
        Instant updatedAt,
        Instant completedAt,
        Instant expiresAt,
        VideoArchiveView videoArchive,
        WebhookView webhook,
        Boolean rawTruncated,
        Map<String, Object> raw,
        Map<String, String> metadata,

        ReviewView review,
        Boolean redacted,
        Instant redactedAt) {

    /**
     * @param outcome {@code approved} or {@code declined}: the final word on a session decided {@code review}
     * @param reviewer the name of the caller that recorded it
     * @param note the reviewer's note, if any; erased by redaction
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReviewView(String outcome, String reviewer, Instant reviewedAt, String note) {
    }

    /**
     * @param resultReceived whether the vendor has this technology's result; null for a code whose
     *        result field flowgate does not know (it never holds a session back)
     * @param replacedBy the code of the interchangeable technology whose result came instead of this one's; absent
     *        otherwise
     */
    public record TechnologyResult(String code, Boolean resultReceived,
            @JsonInclude(JsonInclude.Include.NON_NULL) String replacedBy) {
    }

    /**
     * @param status {@code DUE}, {@code ARCHIVED}, {@code NO_VIDEO} or {@code FAILED} (every attempt failed; a
     *        request for the video tries again)
     * @param lastError what the last failed copy ran into (a code), or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VideoArchiveView(String status, int attempts, String lastError) {
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
