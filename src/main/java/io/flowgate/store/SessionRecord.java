package io.flowgate.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What flowgate keeps of a session. The prefilled IIN, phone and photo go to the vendor and are not
 * kept. {@code resultJson} is the vendor's raw result, verbatim: personal data (names, document
 * numbers), stored so the integrator can read it, and never logged.
 *
 * @param reference the integrator's own id, or null
 * @param returnUrl where the browser goes at the end, or null
 * @param updatedAt when the session's status or result last changed (not its webhook delivery)
 * @param completedAt when the session reached COMPLETED or EXPIRED, or null
 * @param resultJson the vendor's last result as JSON text, or null before the first collection
 * @param decision {@code approved}, {@code declined} or {@code review}, or null before the first collection
 * @param decisionReasons the rules that gave the decision
 * @param version starts at 1 and goes up by one on every change; writes are conditional on it
 * @param webhook the webhook's outbox, once the session is final and its flow has a webhook; else null
 * @param videoArchive where the video's copy in S3 stands, or null when no copy is to be made
 */
public record SessionRecord(
        String sessionId,
        String flow,
        String reference,
        List<String> technologies,
        Instant createdAt,
        Instant expiresAt,
        SessionStatus status,
        String returnUrl,
        String locale,
        Instant updatedAt,
        Instant completedAt,
        String resultJson,
        String decision,
        List<String> decisionReasons,
        long version,
        WebhookDelivery webhook,
        VideoArchive videoArchive) {

    public SessionRecord {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(flow, "flow");
        technologies = List.copyOf(technologies);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(updatedAt, "updatedAt");
        decisionReasons = decisionReasons == null ? List.of() : List.copyOf(decisionReasons);
    }

    /** A session without a webhook delivery or a video archive. */
    public SessionRecord(String sessionId, String flow, String reference, List<String> technologies, Instant createdAt,
            Instant expiresAt, SessionStatus status, String returnUrl, String locale, Instant updatedAt,
            Instant completedAt, String resultJson, String decision, List<String> decisionReasons, long version) {
        this(sessionId, flow, reference, technologies, createdAt, expiresAt, status, returnUrl, locale, updatedAt,
                completedAt, resultJson, decision, decisionReasons, version, null, null);
    }

    /** A session just created at the vendor: version 1, status CREATED, no result yet. */
    public static SessionRecord created(String sessionId, String flow, String reference, List<String> technologies,
            Instant createdAt, Instant expiresAt, String returnUrl, String locale) {
        return new SessionRecord(sessionId, flow, reference, technologies, createdAt, expiresAt,
                SessionStatus.CREATED, returnUrl, locale, createdAt, null, null, null, List.of(), 1, null, null);
    }

    /** Whether the session can still change (CREATED or PENDING). */
    public boolean unfinished() {
        return status == SessionStatus.CREATED || status == SessionStatus.PENDING;
    }

    /** This record with a new state, one version on. */
    public SessionRecord next(SessionStatus newStatus, Instant now, Instant newCompletedAt, String newResultJson,
            String newDecision, List<String> newReasons) {
        return new SessionRecord(sessionId, flow, reference, technologies, createdAt, expiresAt, newStatus, returnUrl,
                locale, now, newCompletedAt, newResultJson, newDecision, newReasons, version + 1, webhook, videoArchive);
    }

    /** This record with its webhook delivery replaced, one version on; the session itself is unchanged. */
    public SessionRecord nextWebhook(WebhookDelivery delivery) {
        return new SessionRecord(sessionId, flow, reference, technologies, createdAt, expiresAt, status, returnUrl,
                locale, updatedAt, completedAt, resultJson, decision, decisionReasons, version + 1, delivery, videoArchive);
    }

    /** This record with its webhook delivery set, at the same version: for the write that is being prepared. */
    public SessionRecord withWebhook(WebhookDelivery delivery) {
        return new SessionRecord(sessionId, flow, reference, technologies, createdAt, expiresAt, status, returnUrl,
                locale, updatedAt, completedAt, resultJson, decision, decisionReasons, version, delivery, videoArchive);
    }

    /** This record, at the same version, with its video's copy due: for the write that completes the session. */
    public SessionRecord withVideoArchiveDue() {
        return new SessionRecord(sessionId, flow, reference, technologies, createdAt, expiresAt, status, returnUrl,
                locale, updatedAt, completedAt, resultJson, decision, decisionReasons, version, webhook, VideoArchive.due());
    }

    /** This record with the video archive's new state, one version on. */
    public SessionRecord withVideoArchive(VideoArchive newVideoArchive, Instant now) {
        return new SessionRecord(sessionId, flow, reference, technologies, createdAt, expiresAt, status, returnUrl,
                locale, now, completedAt, resultJson, decision, decisionReasons, version + 1, webhook, newVideoArchive);
    }

    @Override
    public String toString() {
        return "SessionRecord[sessionId=" + sessionId + ", flow=" + flow + ", status=" + status + ", version="
                + version + (webhook == null ? "" : ", webhook=" + webhook.state()) + "]";
    }
}
