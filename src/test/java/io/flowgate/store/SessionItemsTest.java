package io.flowgate.store;

import static io.flowgate.store.SessionStoreContract.T0;
import static io.flowgate.store.SessionStoreContract.created;
import static io.flowgate.store.SessionStoreContract.finished;
import static io.flowgate.store.SessionStoreContract.pending;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class SessionItemsTest {

    private final SessionItems items = new SessionItems(Duration.ofDays(30));

    @Test
    void writesEveryFieldAsItsAttribute() {
        SessionRecord session = new SessionRecord("s-1", "individuals", "shop-backend", "order-1", List.of("LD", "F2F"),
                List.of(List.of("ED", "DR"), List.of("LD", "LDHP")), T0, T0.plusSeconds(600), SessionStatus.COMPLETED,
                null, "https://shop.example.com/done", "en", T0.plusSeconds(300), T0.plusSeconds(299), "{\"a\":1}",
                true, "approved", List.of("all_passed"), 4, null, null,
                new VideoArchive(VideoArchive.Status.DUE, 2, T0.plusSeconds(310), "upstream_timeout",
                        T0.plusSeconds(370)));

        Map<String, AttributeValue> item = items.toItem(session);

        assertEquals(Map.ofEntries(
                Map.entry("sessionId", AttributeValue.fromS("s-1")),
                Map.entry("flow", AttributeValue.fromS("individuals")),
                Map.entry("caller", AttributeValue.fromS("shop-backend")),
                Map.entry("reference", AttributeValue.fromS("order-1")),
                // the reference index's key: references belong to their caller
                Map.entry("callerReference", AttributeValue.fromS("shop-backend/order-1")),
                Map.entry("technologies", AttributeValue.fromL(List.of(
                        AttributeValue.fromS("LD"), AttributeValue.fromS("F2F")))),
                // the caller's groups of interchangeable technologies: a list of lists, in order
                Map.entry("interchangeableTech", AttributeValue.fromL(List.of(
                        AttributeValue.fromL(List.of(AttributeValue.fromS("ED"), AttributeValue.fromS("DR"))),
                        AttributeValue.fromL(List.of(AttributeValue.fromS("LD"), AttributeValue.fromS("LDHP")))))),
                Map.entry("createdAt", AttributeValue.fromN("1772442930123")),
                Map.entry("expiresAt", AttributeValue.fromN("1772443530123")),
                Map.entry("status", AttributeValue.fromS("COMPLETED")),
                // completed with its video copy still due: listed for the sweep in a partition of its own, by when
                Map.entry("dueKind", AttributeValue.fromS("video")),
                Map.entry("dueAt", AttributeValue.fromN("1772443300123")),
                Map.entry("returnUrl", AttributeValue.fromS("https://shop.example.com/done")),
                Map.entry("locale", AttributeValue.fromS("en")),
                Map.entry("updatedAt", AttributeValue.fromN("1772443230123")),
                Map.entry("completedAt", AttributeValue.fromN("1772443229123")),
                Map.entry("resultJson", AttributeValue.fromS("{\"a\":1}")),
                Map.entry("resultTruncated", AttributeValue.fromBool(true)),
                Map.entry("decision", AttributeValue.fromS("approved")),
                Map.entry("decisionReasons", AttributeValue.fromL(List.of(AttributeValue.fromS("all_passed")))),
                Map.entry("version", AttributeValue.fromN("4")),
                Map.entry("videoArchiveStatus", AttributeValue.fromS("DUE")),
                Map.entry("videoArchiveAttempts", AttributeValue.fromN("2")),
                Map.entry("videoArchiveLastAttemptAt", AttributeValue.fromN("1772443240123")),
                Map.entry("videoArchiveError", AttributeValue.fromS("upstream_timeout")),
                Map.entry("videoArchiveNextAt", AttributeValue.fromN("1772443300123")),
                // the session listing's index: the caller's partition of the flow, by creation time then id
                Map.entry("callerFlow", AttributeValue.fromS("shop-backend/individuals")),
                Map.entry("createdKey", AttributeValue.fromS("001772442930123#s-1")),
                Map.entry("ttl", AttributeValue.fromN("1775034930"))), item);
        assertEquals(session, SessionItems.fromItem(item));
    }

    @Test
    void writesAWebhookDeliveryAsAMapAndMarksPendingOnesForTheWebhookIndexAndFailedOnesByFlow() {
        SessionRecord pending = SessionStoreContract.withWebhook("s-1", T0.plusSeconds(30), WebhookDelivery.State.PENDING);
        SessionRecord failed = SessionStoreContract.withWebhook("s-2", T0.plusSeconds(40), WebhookDelivery.State.FAILED);
        SessionRecord delivered = SessionStoreContract.withWebhook("s-3", T0.plusSeconds(50),
                WebhookDelivery.State.DELIVERED);

        Map<String, AttributeValue> item = items.toItem(failed);

        assertEquals(AttributeValue.fromS("PENDING"), items.toItem(pending).get("webhookState"));
        assertEquals(AttributeValue.fromN(Long.toString(T0.plusSeconds(30).toEpochMilli())),
                items.toItem(pending).get("webhookAt"));
        assertFalse(items.toItem(pending).containsKey("failedWebhookFlow"));
        assertFalse(item.containsKey("webhookState"));
        assertFalse(item.containsKey("webhookAt"));
        assertEquals(AttributeValue.fromS("individuals"), item.get("failedWebhookFlow"));
        assertEquals(AttributeValue.fromS("00" + T0.plusSeconds(40).toEpochMilli() + "#s-2"), item.get("failedWebhookKey"));
        assertEquals(Map.of("at", AttributeValue.fromN(Long.toString(T0.plusSeconds(40).toEpochMilli())),
                "statusCode", AttributeValue.fromN("500"), "outcome", AttributeValue.fromS("failed")),
                item.get("webhook").m().get("attempts").l().get(0).m());
        assertFalse(items.toItem(delivered).containsKey("webhookState"));
        assertFalse(items.toItem(delivered).containsKey("webhookAt"));
        assertFalse(items.toItem(delivered).containsKey("failedWebhookFlow"));
        assertFalse(items.toItem(delivered).containsKey("failedWebhookKey"));
        assertEquals(failed, SessionItems.fromItem(item));
        assertEquals(pending, SessionItems.fromItem(items.toItem(pending)));
    }

    @Test
    void writesAReviewARedactionAndTheQueuedEventsAsTheirAttributes() {
        SessionRecord failed = SessionStoreContract.withWebhook("s-1", T0.plusSeconds(40), WebhookDelivery.State.FAILED);
        SessionRecord reviewed = failed.reviewed(new SessionReview("declined", "back-office", T0.plusSeconds(60),
                "see ticket 7"), T0.plusSeconds(60));
        SessionRecord tombstone = reviewed.withWebhook(reviewed.webhook().queue("session.reviewed"))
                .redactedAt(T0.plusSeconds(90));

        Map<String, AttributeValue> item = items.toItem(reviewed);
        Map<String, AttributeValue> redacted = items.toItem(tombstone);

        assertEquals(AttributeValue.fromS("declined"), item.get("reviewOutcome"));
        assertEquals(AttributeValue.fromS("back-office"), item.get("reviewer"));
        assertEquals(AttributeValue.fromN(Long.toString(T0.plusSeconds(60).toEpochMilli())), item.get("reviewedAt"));
        assertEquals(AttributeValue.fromS("see ticket 7"), item.get("reviewNote"));
        assertFalse(item.containsKey("redactedAt"));
        assertFalse(item.get("webhook").m().containsKey("queued"), "nothing queued: no attribute");
        assertEquals(AttributeValue.fromN(Long.toString(T0.plusSeconds(90).toEpochMilli())), redacted.get("redactedAt"));
        assertFalse(redacted.containsKey("reviewNote"), "redaction erases the note");
        assertFalse(redacted.containsKey("resultJson"));
        assertFalse(redacted.containsKey("returnUrl"));
        assertEquals(AttributeValue.fromL(List.of(AttributeValue.fromS("session.reviewed"))),
                redacted.get("webhook").m().get("queued"));
        assertEquals(reviewed, SessionItems.fromItem(item));
        assertEquals(tombstone, SessionItems.fromItem(redacted));
    }

    @Test
    void readsAnItemWrittenBeforeReviewsAndRedactionAsNeitherReviewedNorRedactedWithNothingQueued() {
        SessionRecord failed = SessionStoreContract.withWebhook("s-1", T0.plusSeconds(40), WebhookDelivery.State.FAILED);

        SessionRecord read = SessionItems.fromItem(items.toItem(failed));

        assertEquals(null, read.review());
        assertEquals(null, read.redactedAt());
        assertFalse(read.redacted());
        assertEquals(List.of(), read.webhook().queued());
        assertEquals(failed, read);
    }

    @Test
    void setsTheTimeToLiveInEpochSecondsRetentionAfterCreation() {
        Map<String, AttributeValue> item = items.toItem(created("s-1", null, T0));

        assertEquals(Long.toString(T0.plus(Duration.ofDays(30)).getEpochSecond()), item.get("ttl").n());
    }

    @Test
    void leavesOutTheAttributesOfNullFields() {
        Map<String, AttributeValue> item = items.toItem(new SessionRecord("s-1", "everyone", null, null, List.of(),
                List.of(), T0, T0.plusSeconds(600), SessionStatus.CREATED, null, null, "ru", T0, null, null, false, null,
                List.of(), 1, null, null, null));

        assertEquals(Set.of("sessionId", "flow", "technologies", "createdAt", "expiresAt", "status", "locale",
                "updatedAt", "decisionReasons", "version", "dueKind", "dueAt", "ttl"), item.keySet());
    }

    @Test
    void writesTheMetadataAsAMapOfStringsAndNoAttributeWhenThereIsNone() {
        SessionRecord session = SessionRecord.created("s-1", "individuals", "shop-backend", null, List.of("LD"),
                List.of(), T0, T0.plusSeconds(600), null, "ru", T0, Map.of("orderId", "A-1", "note", ""));

        Map<String, AttributeValue> item = items.toItem(session);

        assertEquals(AttributeValue.fromM(Map.of("orderId", AttributeValue.fromS("A-1"), "note", AttributeValue.fromS(""))),
                item.get("metadata"));
        assertEquals(session, SessionItems.fromItem(item));
        assertFalse(items.toItem(created("s-2", null, T0)).containsKey("metadata"));
    }

    @Test
    void readsAnItemWrittenBeforeMetadataOrTheListingIndexExistedAsHavingNoMetadata() {
        Map<String, AttributeValue> item = new HashMap<>(items.toItem(created("s-1", null, T0)));
        item.keySet().removeAll(Set.of("metadata", "callerFlow", "createdKey"));

        assertEquals(Map.of(), SessionItems.fromItem(item).metadata());
        assertEquals(created("s-1", null, T0), SessionItems.fromItem(item));
    }

    @Test
    void readsAnItemWrittenBeforeInterchangeableTechnologiesWereKeptAsHavingNoGroups() {
        Map<String, AttributeValue> item = new HashMap<>(items.toItem(created("s-1", null, T0)));
        item.remove("interchangeableTech");

        SessionRecord read = SessionItems.fromItem(item);

        assertEquals(List.of(), read.interchangeableTech());
        assertEquals(created("s-1", null, T0), read);
    }

    @Test
    void marksOnlyCreatedAndPendingSessionsForCollectionAtTheirDueTime() {
        SessionRecord session = created("s-1", null, T0);
        SessionRecord postponed = session.withCollection(session.collection().failed("vendor_refused", T0.plusSeconds(90)));

        assertEquals(AttributeValue.fromS("collect"), items.toItem(session).get("dueKind"));
        assertEquals(AttributeValue.fromN(Long.toString(T0.toEpochMilli())), items.toItem(session).get("dueAt"));
        assertEquals(AttributeValue.fromS("collect"), items.toItem(pending(session, "{}")).get("dueKind"));
        assertEquals(AttributeValue.fromN(Long.toString(T0.plusSeconds(90).toEpochMilli())),
                items.toItem(postponed).get("dueAt"));
        assertEquals(Map.of("collectNextAt", AttributeValue.fromN(Long.toString(T0.plusSeconds(90).toEpochMilli())),
                "collectFailures", AttributeValue.fromN("1"), "collectError", AttributeValue.fromS("vendor_refused")),
                Map.of("collectNextAt", items.toItem(postponed).get("collectNextAt"),
                        "collectFailures", items.toItem(postponed).get("collectFailures"),
                        "collectError", items.toItem(postponed).get("collectError")));
        assertEquals(postponed, SessionItems.fromItem(items.toItem(postponed)));
        assertFalse(items.toItem(finished(session, SessionStatus.COMPLETED)).containsKey("dueKind"));
        assertFalse(items.toItem(finished(session, SessionStatus.EXPIRED)).containsKey("dueAt"));
        assertEquals(AttributeValue.fromS("abandoned"), items.toItem(finished(session, SessionStatus.EXPIRED))
                .get("statusReason"));
    }

    @Test
    void keepsInstantsToTheMillisecond() {
        Instant withNanos = Instant.parse("2026-03-02T09:15:30.123456789Z");

        SessionRecord read = SessionItems.fromItem(items.toItem(created("s-1", null, withNanos)));

        assertEquals(Instant.parse("2026-03-02T09:15:30.123Z"), read.createdAt());
    }
}
