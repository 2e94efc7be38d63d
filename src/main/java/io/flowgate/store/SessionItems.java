package io.flowgate.store;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A {@link SessionRecord} as a DynamoDB item and back. Instants are epoch milliseconds (N): the domain keeps
 * its times to the millisecond, and anything finer is dropped. Lists are L of S (ordered, may be empty); the groups
 * of interchangeable technologies are L of L of S, with no attribute when there are none (as on items written
 * before they were kept). A null field has no attribute. Three attributes exist only for the table's sake: {@code dueKind} and {@code dueAt},
 * present while the sweep has work on the session ({@code collect}: it is CREATED or PENDING, due at its
 * collection's {@code nextAt}; {@code video}: its video's copy is DUE, at the copy's {@code nextAttemptAt}), and
 * {@code ttl}, in epoch <em>seconds</em>. The webhook delivery is written by {@link WebhookItems}. A review is
 * {@code reviewOutcome}, {@code reviewer}, {@code reviewedAt} and {@code reviewNote}; a redacted session has
 * {@code redactedAt} (items written before either existed have none: not reviewed, not redacted).
 */
final class SessionItems {

    static final String SESSION_ID = "sessionId";
    static final String FLOW = "flow";
    static final String CALLER = "caller";
    static final String REFERENCE = "reference";
    static final String CALLER_REFERENCE = "callerReference";
    static final String TECHNOLOGIES = "technologies";
    static final String INTERCHANGEABLE_TECH = "interchangeableTech";
    static final String CREATED_AT = "createdAt";
    static final String EXPIRES_AT = "expiresAt";
    static final String STATUS = "status";
    static final String STATUS_REASON = "statusReason";
    static final String RETURN_URL = "returnUrl";
    static final String LOCALE = "locale";
    static final String UPDATED_AT = "updatedAt";
    static final String COMPLETED_AT = "completedAt";
    static final String RESULT_JSON = "resultJson";
    static final String RESULT_TRUNCATED = "resultTruncated";
    static final String DECISION = "decision";
    static final String DECISION_REASONS = "decisionReasons";
    static final String VERSION = "version";
    static final String VIDEO_ARCHIVE_STATUS = "videoArchiveStatus";
    static final String VIDEO_ARCHIVE_ATTEMPTS = "videoArchiveAttempts";
    static final String VIDEO_ARCHIVE_LAST_ATTEMPT_AT = "videoArchiveLastAttemptAt";
    static final String VIDEO_ARCHIVE_ERROR = "videoArchiveError";
    static final String VIDEO_ARCHIVE_NEXT_AT = "videoArchiveNextAt";
    static final String COLLECT_NEXT_AT = "collectNextAt";
    static final String COLLECT_FAILURES = "collectFailures";
    static final String COLLECT_ERROR = "collectError";
    static final String DUE_KIND = "dueKind";
    static final String DUE_AT = "dueAt";
    static final String TTL = "ttl";
    static final String METADATA = "metadata";
    static final String CALLER_FLOW = "callerFlow";
    static final String CREATED_KEY = "createdKey";
    static final String REVIEW_OUTCOME = "reviewOutcome";
    static final String REVIEWER = "reviewer";
    static final String REVIEWED_AT = "reviewedAt";
    static final String REVIEW_NOTE = "reviewNote";
    static final String REDACTED_AT = "redactedAt";

    /** The {@code dueKind} of an unfinished session: every one is in one partition of the due index. */
    static final String COLLECT = "collect";
    /** The {@code dueKind} of a final session whose video copy is still due: a partition of its own. */
    static final String VIDEO_COPY_DUE = "video";

    private final Duration retention;

    SessionItems(Duration retention) {
        this.retention = retention;
    }

    Map<String, AttributeValue> toItem(SessionRecord session) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(SESSION_ID, string(session.sessionId()));
        item.put(FLOW, string(session.flow()));
        putIfPresent(item, CALLER, session.caller());
        putIfPresent(item, REFERENCE, session.reference());
        if (session.caller() != null && session.reference() != null) {
            item.put(CALLER_REFERENCE, string(callerReference(session.caller(), session.reference())));
        }
        item.put(TECHNOLOGIES, list(session.technologies()));
        if (!session.interchangeableTech().isEmpty()) {
            item.put(INTERCHANGEABLE_TECH, AttributeValue.fromL(
                    session.interchangeableTech().stream().map(SessionItems::list).toList()));
        }
        item.put(CREATED_AT, millis(session.createdAt()));
        item.put(EXPIRES_AT, millis(session.expiresAt()));
        item.put(STATUS, string(session.status().name()));
        putIfPresent(item, STATUS_REASON, session.statusReason());
        putIfPresent(item, RETURN_URL, session.returnUrl());
        item.put(LOCALE, string(session.locale()));
        item.put(UPDATED_AT, millis(session.updatedAt()));
        if (session.completedAt() != null) {
            item.put(COMPLETED_AT, millis(session.completedAt()));
        }
        putIfPresent(item, RESULT_JSON, session.resultJson());
        if (session.resultTruncated()) {
            item.put(RESULT_TRUNCATED, AttributeValue.fromBool(true));
        }
        putIfPresent(item, DECISION, session.decision());
        item.put(DECISION_REASONS, list(session.decisionReasons()));
        item.put(VERSION, number(session.version()));
        putCollection(item, session.collection());
        putVideoArchive(item, session.videoArchive());
        putDue(item, session);
        item.put(TTL, number(session.createdAt().plus(retention).getEpochSecond()));
        WebhookItems.put(item, session);
        if (!session.metadata().isEmpty()) {
            Map<String, AttributeValue> metadata = new HashMap<>();
            session.metadata().forEach((key, value) -> metadata.put(key, string(value)));
            item.put(METADATA, AttributeValue.fromM(metadata));
        }
        if (session.caller() != null) {
            item.put(CALLER_FLOW, string(callerFlow(session.caller(), session.flow())));
            item.put(CREATED_KEY, string(createdKey(SessionPosition.of(session))));
        }
        putReview(item, session.review());
        if (session.redactedAt() != null) {
            item.put(REDACTED_AT, millis(session.redactedAt()));
        }
        return item;
    }

    static SessionRecord fromItem(Map<String, AttributeValue> item) {
        return new SessionRecord(
                required(item, SESSION_ID).s(),
                required(item, FLOW).s(),
                optionalString(item, CALLER),
                optionalString(item, REFERENCE),
                strings(required(item, TECHNOLOGIES)),
                item.containsKey(INTERCHANGEABLE_TECH)
                        ? item.get(INTERCHANGEABLE_TECH).l().stream().map(SessionItems::strings).toList()
                        : List.of(),
                instant(required(item, CREATED_AT)),
                instant(required(item, EXPIRES_AT)),
                SessionStatus.valueOf(required(item, STATUS).s()),
                optionalString(item, STATUS_REASON),
                optionalString(item, RETURN_URL),
                required(item, LOCALE).s(),
                instant(required(item, UPDATED_AT)),
                item.containsKey(COMPLETED_AT) ? instant(item.get(COMPLETED_AT)) : null,
                optionalString(item, RESULT_JSON),
                item.containsKey(RESULT_TRUNCATED) && item.get(RESULT_TRUNCATED).bool(),
                optionalString(item, DECISION),
                item.containsKey(DECISION_REASONS) ? strings(item.get(DECISION_REASONS)) : List.of(),
                Long.parseLong(required(item, VERSION).n()),
                collection(item),
                WebhookItems.read(item),
                videoArchive(item),
                metadata(item),
                review(item),
                item.containsKey(REDACTED_AT) ? instant(item.get(REDACTED_AT)) : null);
    }

    /** A review as four attributes, {@code reviewOutcome} (S), {@code reviewer} (S), {@code reviewedAt} (N) and {@code reviewNote} (S, when there is one). */
    private static void putReview(Map<String, AttributeValue> item, SessionReview review) {
        if (review == null) {
            return;
        }
        item.put(REVIEW_OUTCOME, string(review.outcome()));
        item.put(REVIEWER, string(review.reviewer()));
        item.put(REVIEWED_AT, millis(review.reviewedAt()));
        putIfPresent(item, REVIEW_NOTE, review.note());
    }

    private static SessionReview review(Map<String, AttributeValue> item) {
        if (!item.containsKey(REVIEW_OUTCOME)) {
            return null;
        }
        return new SessionReview(item.get(REVIEW_OUTCOME).s(), required(item, REVIEWER).s(),
                instant(required(item, REVIEWED_AT)), optionalString(item, REVIEW_NOTE));
    }

    private static void putDue(Map<String, AttributeValue> item, SessionRecord session) {
        if (session.unfinished()) {
            item.put(DUE_KIND, string(COLLECT));
            item.put(DUE_AT, millis(session.collectDueAt()));
        } else if (session.videoCopyDueAt() != null) {
            item.put(DUE_KIND, string(VIDEO_COPY_DUE));
            item.put(DUE_AT, millis(session.videoCopyDueAt()));
        }
    }

    private static void putCollection(Map<String, AttributeValue> item, CollectionSchedule collection) {
        if (collection == null) {
            return;
        }
        item.put(COLLECT_NEXT_AT, millis(collection.nextAt()));
        item.put(COLLECT_FAILURES, number(collection.failures()));
        putIfPresent(item, COLLECT_ERROR, collection.lastError());
    }

    private static CollectionSchedule collection(Map<String, AttributeValue> item) {
        if (!item.containsKey(COLLECT_NEXT_AT)) {
            return null;
        }
        return new CollectionSchedule(instant(item.get(COLLECT_NEXT_AT)),
                Integer.parseInt(required(item, COLLECT_FAILURES).n()), optionalString(item, COLLECT_ERROR));
    }

    private static void putVideoArchive(Map<String, AttributeValue> item, VideoArchive archive) {
        if (archive == null) {
            return;
        }
        item.put(VIDEO_ARCHIVE_STATUS, string(archive.status().name()));
        item.put(VIDEO_ARCHIVE_ATTEMPTS, number(archive.attempts()));
        if (archive.lastAttemptAt() != null) {
            item.put(VIDEO_ARCHIVE_LAST_ATTEMPT_AT, millis(archive.lastAttemptAt()));
        }
        putIfPresent(item, VIDEO_ARCHIVE_ERROR, archive.lastError());
        if (archive.nextAttemptAt() != null) {
            item.put(VIDEO_ARCHIVE_NEXT_AT, millis(archive.nextAttemptAt()));
        }
    }

    private static VideoArchive videoArchive(Map<String, AttributeValue> item) {
        if (!item.containsKey(VIDEO_ARCHIVE_STATUS)) {
            return null;
        }
        return new VideoArchive(VideoArchive.Status.valueOf(item.get(VIDEO_ARCHIVE_STATUS).s()),
                Integer.parseInt(required(item, VIDEO_ARCHIVE_ATTEMPTS).n()),
                item.containsKey(VIDEO_ARCHIVE_LAST_ATTEMPT_AT) ? instant(item.get(VIDEO_ARCHIVE_LAST_ATTEMPT_AT)) : null,
                optionalString(item, VIDEO_ARCHIVE_ERROR),
                item.containsKey(VIDEO_ARCHIVE_NEXT_AT) ? instant(item.get(VIDEO_ARCHIVE_NEXT_AT)) : null);
    }

    private static Map<String, String> metadata(Map<String, AttributeValue> item) {
        if (!item.containsKey(METADATA)) {
            return Map.of();
        }
        Map<String, String> metadata = new HashMap<>();
        item.get(METADATA).m().forEach((key, value) -> metadata.put(key, value.s()));
        return metadata;
    }

    /**
     * The partition key of {@value SessionTable#CALLER_FLOW_INDEX}: the caller's name, a {@code /} and the flow.
     * A caller's name holds no {@code /} (it is a configuration key), so no two pairs give the same key.
     */
    static String callerFlow(String caller, String flow) {
        return caller + "/" + flow;
    }

    /**
     * A position in the session listing as the sort key of {@value SessionTable#CALLER_FLOW_INDEX}: the creation's
     * epoch milliseconds in 15 digits, {@code #} and the session id, so that the key's order (DynamoDB compares
     * strings by their UTF-8 bytes; session ids are ASCII) is the listing's, reversed, with no two equal.
     */
    static String createdKey(SessionPosition position) {
        return String.format(Locale.ROOT, "%015d#%s", position.createdAt().toEpochMilli(),
                position.sessionId());
    }

    /** A bound of the listing's sort key: every key of a session created at or after {@code instant} is above it. */
    static String createdBound(Instant instant) {
        return String.format(Locale.ROOT, "%015d", instant.toEpochMilli());
    }

    /** The reference index's key: references belong to their caller. A reference never holds a {@code /}. */
    static String callerReference(String caller, String reference) {
        return caller + "/" + reference;
    }

    static Map<String, AttributeValue> key(String sessionId) {
        return Map.of(SESSION_ID, string(sessionId));
    }

    static AttributeValue string(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static AttributeValue millis(Instant instant) {
        return number(instant.toEpochMilli());
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, string(value));
        }
    }

    private static AttributeValue list(List<String> values) {
        return AttributeValue.fromL(values.stream().map(SessionItems::string).toList());
    }

    private static AttributeValue required(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null) {
            throw new IllegalStateException("A stored session lacks its " + name);
        }
        return value;
    }

    private static String optionalString(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static List<String> strings(AttributeValue list) {
        return list.l().stream().map(AttributeValue::s).toList();
    }

    private static Instant instant(AttributeValue value) {
        return Instant.ofEpochMilli(Long.parseLong(value.n()));
    }
}
