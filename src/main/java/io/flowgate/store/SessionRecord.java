package io.flowgate.store;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What flowgate keeps of a session. The prefilled IIN, phone and photo go to the vendor and are not
 * kept. {@code resultJson} is the vendor's raw result, verbatim: personal data (names, document
 * numbers), stored so the integrator can read it, and never logged.
 *
 * @param caller the name of the caller that created it; null on sessions stored before callers were recorded
 * @param reference the integrator's own id, or null
 * @param interchangeableTech the groups of technology codes the caller said may replace each other (today's API
 *        takes one list, one group); empty when there are none, and on records stored before they were kept
 * @param statusReason why a final session is not the happy path ({@code abandoned}, {@code vendor_refused},
 *        {@code flow_removed}, ...; the integrator's reason on a CANCELLED one; see {@code docs/api.md}), or null
 * @param returnUrl where the browser goes at the end, or null
 * @param updatedAt when the session's status or result last changed (not its webhook delivery)
 * @param completedAt when the session reached a final status, or null
 * @param resultJson the vendor's last result as JSON text, or null before the first collection
 * @param resultTruncated whether the longest values of {@code resultJson} were cut to keep it within
 *        {@code flowgate.store.max-result-bytes} (the decision was made on the whole result)
 * @param decision {@code approved}, {@code declined} or {@code review}, or null before the first collection
 * @param decisionReasons the rules that gave the decision
 * @param version starts at 1 and goes up by one on every change; writes are conditional on it
 * @param collection when an unfinished session is next due for collection, and its failures so far; null once
 *        final (and on records stored before it existed: then it is due from its creation)
 * @param webhook the webhook's outbox, once the session is final and its flow has a webhook; else null
 * @param videoArchive where the video's copy in S3 stands, or null when no copy is to be made
 * @param metadata the integrator's own key-value pairs given at creation (not meant for personal data), sorted by
 *        key; empty when none were given, and on records stored before they were kept
 * @param review the outcome a reviewer recorded for a session decided {@code review} ({@code reviewSession}), or null
 * @param redactedAt when the session's personal data was erased ({@code redactSession}), or null: a redacted session
 *        is a tombstone, with no result, no video copy and no review note
 */
public record SessionRecord(
        String sessionId,
        String flow,
        String caller,
        String reference,
        List<String> technologies,
        List<List<String>> interchangeableTech,
        Instant createdAt,
        Instant expiresAt,
        SessionStatus status,
        String statusReason,
        String returnUrl,
        String locale,
        Instant updatedAt,
        Instant completedAt,
        String resultJson,
        boolean resultTruncated,
        String decision,
        List<String> decisionReasons,
        long version,
        CollectionSchedule collection,
        WebhookDelivery webhook,
        VideoArchive videoArchive,
        Map<String, String> metadata,
        SessionReview review,
        Instant redactedAt) {

    public SessionRecord {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(flow, "flow");
        technologies = List.copyOf(technologies);
        interchangeableTech = interchangeableTech == null ? List.of()
                : interchangeableTech.stream().<List<String>>map(List::copyOf).toList();
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(updatedAt, "updatedAt");
        decisionReasons = decisionReasons == null ? List.of() : List.copyOf(decisionReasons);
        metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(metadata));
    }

    /** A session without metadata (the record's shape before metadata was kept). */
    public SessionRecord(String sessionId, String flow, String caller, String reference, List<String> technologies,
            List<List<String>> interchangeableTech, Instant createdAt, Instant expiresAt, SessionStatus status,
            String statusReason, String returnUrl, String locale, Instant updatedAt, Instant completedAt,
            String resultJson, boolean resultTruncated, String decision, List<String> decisionReasons, long version,
            CollectionSchedule collection, WebhookDelivery webhook, VideoArchive videoArchive) {
        this(sessionId, flow, caller, reference, technologies, interchangeableTech, createdAt, expiresAt, status,
                statusReason, returnUrl, locale, updatedAt, completedAt, resultJson, resultTruncated, decision,
                decisionReasons, version, collection, webhook, videoArchive, Map.of(), null, null);
    }

    /** A session with metadata, neither reviewed nor redacted. */
    public SessionRecord(String sessionId, String flow, String caller, String reference, List<String> technologies,
            List<List<String>> interchangeableTech, Instant createdAt, Instant expiresAt, SessionStatus status,
            String statusReason, String returnUrl, String locale, Instant updatedAt, Instant completedAt,
            String resultJson, boolean resultTruncated, String decision, List<String> decisionReasons, long version,
            CollectionSchedule collection, WebhookDelivery webhook, VideoArchive videoArchive,
            Map<String, String> metadata) {
        this(sessionId, flow, caller, reference, technologies, interchangeableTech, createdAt, expiresAt, status,
                statusReason, returnUrl, locale, updatedAt, completedAt, resultJson, resultTruncated, decision,
                decisionReasons, version, collection, webhook, videoArchive, metadata, null, null);
    }

    /** A session without metadata, reviewed or redacted. */
    public SessionRecord(String sessionId, String flow, String caller, String reference, List<String> technologies,
            List<List<String>> interchangeableTech, Instant createdAt, Instant expiresAt, SessionStatus status,
            String statusReason, String returnUrl, String locale, Instant updatedAt, Instant completedAt,
            String resultJson, boolean resultTruncated, String decision, List<String> decisionReasons, long version,
            CollectionSchedule collection, WebhookDelivery webhook, VideoArchive videoArchive, SessionReview review,
            Instant redactedAt) {
        this(sessionId, flow, caller, reference, technologies, interchangeableTech, createdAt, expiresAt, status,
                statusReason, returnUrl, locale, updatedAt, completedAt, resultJson, resultTruncated, decision,
                decisionReasons, version, collection, webhook, videoArchive, Map.of(), review, redactedAt);
    }

    /** A session without a caller, a schedule, a webhook delivery or a video archive. */
    public SessionRecord(String sessionId, String flow, String reference, List<String> technologies, Instant createdAt,
            Instant expiresAt, SessionStatus status, String returnUrl, String locale, Instant updatedAt,
            Instant completedAt, String resultJson, String decision, List<String> decisionReasons, long version) {
        this(sessionId, flow, null, reference, technologies, List.of(), createdAt, expiresAt, status, null, returnUrl,
                locale, updatedAt, completedAt, resultJson, false, decision, decisionReasons, version, null, null,
                null);
    }

    /**
     * A session just created at the vendor: version 1, status CREATED, no result yet, first due for collection at
     * {@code firstCollectAt}.
     */
    public static SessionRecord created(String sessionId, String flow, String caller, String reference,
            List<String> technologies, Instant createdAt, Instant expiresAt, String returnUrl, String locale,
            Instant firstCollectAt) {
        return created(sessionId, flow, caller, reference, technologies, List.of(), createdAt, expiresAt, returnUrl,
                locale, firstCollectAt);
    }

    /** A session just created at the vendor, as above, with the caller's groups of interchangeable technologies. */
    public static SessionRecord created(String sessionId, String flow, String caller, String reference,
            List<String> technologies, List<List<String>> interchangeableTech, Instant createdAt, Instant expiresAt,
            String returnUrl, String locale, Instant firstCollectAt) {
        return created(sessionId, flow, caller, reference, technologies, interchangeableTech, createdAt, expiresAt,
                returnUrl, locale, firstCollectAt, Map.of());
    }

    /** A session just created at the vendor, as above, with the integrator's metadata. */
    public static SessionRecord created(String sessionId, String flow, String caller, String reference,
            List<String> technologies, List<List<String>> interchangeableTech, Instant createdAt, Instant expiresAt,
            String returnUrl, String locale, Instant firstCollectAt, Map<String, String> metadata) {
        return new SessionRecord(sessionId, flow, caller, reference, technologies, interchangeableTech, createdAt,
                expiresAt, SessionStatus.CREATED, null, returnUrl, locale, createdAt, null, null, false, null,
                List.of(), 1, CollectionSchedule.first(firstCollectAt), null, null, metadata, null, null);
    }

    /** Whether the session can still change (CREATED or PENDING). */
    public boolean unfinished() {
        return status == SessionStatus.CREATED || status == SessionStatus.PENDING;
    }

    /** When the sweep should next collect this unfinished session; null once final. */
    public Instant collectDueAt() {
        if (!unfinished()) {
            return null;
        }
        return collection == null ? createdAt : collection.nextAt();
    }

    /** When the sweep should next try this final session's video copy; null when no copy is due. */
    public Instant videoCopyDueAt() {
        if (unfinished() || videoArchive == null) {
            return null;
        }
        return videoArchive.dueAt(completedAt == null ? updatedAt : completedAt);
    }

    /**
     * This record with a new state, one version on. A final status ends the collection schedule; an unfinished one
     * is next due at {@code nextCollectAt}, its failures forgotten.
     */
    public SessionRecord next(SessionStatus newStatus, String newStatusReason, Instant now, Instant newCompletedAt,
            String newResultJson, String newDecision, List<String> newReasons, Instant nextCollectAt) {
        boolean open = newStatus == SessionStatus.CREATED || newStatus == SessionStatus.PENDING;
        return new SessionRecord(sessionId, flow, caller, reference, technologies, interchangeableTech, createdAt,
                expiresAt, newStatus, newStatusReason, returnUrl, locale, now, newCompletedAt, newResultJson, false,
                newDecision, newReasons, version + 1, open ? CollectionSchedule.first(nextCollectAt) : null, webhook,
                videoArchive, metadata, review, redactedAt);
    }

    /** This record, at the same version, with its result marked as cut to fit: for the write being prepared. */
    public SessionRecord withResultTruncated() {
        return new SessionRecord(sessionId, flow, caller, reference, technologies, interchangeableTech, createdAt,
                expiresAt, status, statusReason, returnUrl, locale, updatedAt, completedAt, resultJson, true, decision,
                decisionReasons, version, collection, webhook, videoArchive, metadata, review, redactedAt);
    }

    /** This unfinished record after a collection that failed, one version on; nothing else changes. */
    public SessionRecord withCollection(CollectionSchedule newCollection) {
        return new SessionRecord(sessionId, flow, caller, reference, technologies, interchangeableTech, createdAt,
                expiresAt, status, statusReason, returnUrl, locale, updatedAt, completedAt, resultJson, resultTruncated,
                decision, decisionReasons, version + 1, newCollection, webhook, videoArchive, metadata, review,
                redactedAt);
    }

    /** This record with its webhook delivery replaced, one version on; the session itself is unchanged. */
    public SessionRecord nextWebhook(WebhookDelivery delivery) {
        return new SessionRecord(sessionId, flow, caller, reference, technologies, interchangeableTech, createdAt,
                expiresAt, status, statusReason, returnUrl, locale, updatedAt, completedAt, resultJson, resultTruncated,
                decision, decisionReasons, version + 1, collection, delivery, videoArchive, metadata, review,
                redactedAt);
    }

    /** This record with its webhook delivery set, at the same version: for the write that is being prepared. */
    public SessionRecord withWebhook(WebhookDelivery delivery) {
        return new SessionRecord(sessionId, flow, caller, reference, technologies, interchangeableTech, createdAt,
                expiresAt, status, statusReason, returnUrl, locale, updatedAt, completedAt, resultJson, resultTruncated,
                decision, decisionReasons, version, collection, delivery, videoArchive, metadata, review, redactedAt);
    }

    /** This record, at the same version, with its video's copy due at {@code now}: for the write that completes it. */
    public SessionRecord withVideoArchiveDue(Instant now) {
        return new SessionRecord(sessionId, flow, caller, reference, technologies, interchangeableTech, createdAt,
                expiresAt, status, statusReason, returnUrl, locale, updatedAt, completedAt, resultJson, resultTruncated,
                decision, decisionReasons, version, collection, webhook, VideoArchive.due(now), metadata, review,
                redactedAt);
    }

    /** This record with the video archive's new state, one version on. */
    public SessionRecord withVideoArchive(VideoArchive newVideoArchive, Instant now) {
        return new SessionRecord(sessionId, flow, caller, reference, technologies, interchangeableTech, createdAt,
                expiresAt, status, statusReason, returnUrl, locale, now, completedAt, resultJson, resultTruncated,
                decision, decisionReasons, version + 1, collection, webhook, newVideoArchive, metadata, review,
                redactedAt);
    }

    /** Whether the session's personal data was erased: a tombstone. */
    public boolean redacted() {
        return redactedAt != null;
    }

    /** This final record with the reviewer's outcome, one version on; the session's status stays as it is. */
    public SessionRecord reviewed(SessionReview newReview, Instant now) {
        return new SessionRecord(sessionId, flow, caller, reference, technologies, interchangeableTech, createdAt,
                expiresAt, status, statusReason, returnUrl, locale, now, completedAt, resultJson, resultTruncated,
                decision, decisionReasons, version + 1, collection, webhook, videoArchive, metadata, newReview, redactedAt);
    }

    /**
     * The tombstone of this final record, one version on: its result, its video copy's state and its review's note
     * erased; its id, flow, caller, reference, technologies, status, reason, decision, review outcome and times kept,
     * with {@code redactedAt}. Its return URL is erased too (it is the integrator's, but may carry anything).
     */
    public SessionRecord redactedAt(Instant now) {
        return new SessionRecord(sessionId, flow, caller, reference, technologies, interchangeableTech, createdAt,
                expiresAt, status, statusReason, null, locale, now, completedAt, null, false, decision,
                decisionReasons, version + 1, collection, webhook, null, Map.of(), review == null ? null : review.withoutNote(),
                now);
    }

    @Override
    public String toString() {
        return "SessionRecord[sessionId=" + sessionId + ", flow=" + flow + ", status=" + status
                + (statusReason == null ? "" : ", statusReason=" + statusReason) + ", version=" + version
                + (webhook == null ? "" : ", webhook=" + webhook.state()) + (redactedAt == null ? "" : ", redacted")
                + "]";
    }
}
