package io.flowgate.journey;

import static io.flowgate.journey.Journeys.collectResult;
import static io.flowgate.journey.Journeys.createSession;
import static io.flowgate.journey.Journeys.getResult;
import static io.flowgate.journey.Webhooks.deliverWebhooks;
import static io.flowgate.journey.Webhooks.expectedEventId;
import static io.flowgate.journey.Webhooks.listFailedWebhooks;
import static io.flowgate.journey.Webhooks.resendWebhook;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowgate.config.FlowgateConfig;
import io.flowgate.flow.review.SessionReviewing;
import io.flowgate.flow.session.Caller;
import io.flowgate.sandbox.Endpoint;
import io.flowgate.sandbox.Sandbox;
import io.flowgate.store.SessionRecord;
import io.flowgate.store.SessionReview;
import io.flowgate.store.SessionStore;
import io.flowgate.store.VideoArchive;
import io.flowgate.store.VideoBucket;
import io.flowgate.store.WebhookDelivery;
import io.flowgate.testsupport.LogCapture;
import io.flowgate.testsupport.MutableClock;
import io.flowgate.testsupport.S3rverResource;
import io.flowgate.testsupport.TestCallers;
import io.flowgate.testsupport.WebhookReceiver;
import io.flowgate.testsupport.WebhookReceiver.Received;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * redactSession and reviewSession through the Lambda event path, on whichever store the test's profile chooses:
 * the video object in s3rver, the stored record, getResult, and the events a real receiver gets, in order.
 */
final class RedactReviewJourneys {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final Sandbox sandbox;
    private final SessionStore store;
    private final MutableClock clock;
    private final WebhookReceiver receiver;
    private final FlowgateConfig config;
    private final SessionReviewing reviewing;

    RedactReviewJourneys(Sandbox sandbox, SessionStore store, MutableClock clock, WebhookReceiver receiver,
            FlowgateConfig config, SessionReviewing reviewing) {
        this.reviewing = reviewing;
        this.sandbox = sandbox;
        this.store = store;
        this.clock = clock;
        this.receiver = receiver;
        this.config = config;
    }

    void redactsAFinalSessionDeletingItsVideoAndResultsAndKeepsATombstone() throws Exception {
        String sessionId = completed("legal-entities", "order-redact-1",
                "\"returnUrl\":\"https://shop.example.com/kyc/done\",\"metadata\":{\"customer\":\"Test Example\"}");
        SessionRecord archived = await(sessionId, s -> s.videoArchive() != null
                && s.videoArchive().status() == VideoArchive.Status.ARCHIVED);
        assertTrue(objectExists(sessionId), "the video was archived first");
        receiver.await(1, PATIENCE);
        getResult("{\"sessionId\":\"" + sessionId + "\",\"includeRaw\":true}").then().statusCode(200)
                .body("document.firstName", notNullValue()).body("raw.document_recognition_result", notNullValue());
        SessionRecord before = await(sessionId, RedactReviewJourneys::settled);
        clock.freeze();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);

        Response answer = redact(sessionId);

        answer.then().statusCode(200)
                .body("sessionId", equalTo(sessionId))
                .body("reference", equalTo("order-redact-1"))
                .body("flow", equalTo("legal-entities"))
                .body("status", equalTo("COMPLETED"))
                .body("decision.outcome", equalTo(before.decision()))
                .body("redacted", equalTo(true))
                .body("redactedAt", equalTo(now.toString()))
                .body("completedAt", equalTo(before.completedAt().toString()))
                .body("createdAt", equalTo(before.createdAt().toString()))
                .body("technologies.code", contains("LD", "DR", "F2F"))
                .body("technologies.resultReceived", contains(nullValue(), nullValue(), nullValue()))
                .body("$", not(org.hamcrest.Matchers.hasKey("document")))
                .body("$", not(org.hamcrest.Matchers.hasKey("raw")))
                .body("$", not(org.hamcrest.Matchers.hasKey("videoArchive")));
        assertFalse(objectExists(sessionId), "the video object is deleted from the bucket");
        SessionRecord tombstone = store.find(sessionId).orElseThrow();
        assertEquals(List.of(before.sessionId(), before.flow(), before.caller(), before.reference(),
                before.technologies(), before.createdAt(), before.expiresAt(), before.status(),
                before.completedAt(), before.decision(), before.decisionReasons(), before.locale()),
                List.of(tombstone.sessionId(), tombstone.flow(), tombstone.caller(), tombstone.reference(),
                        tombstone.technologies(), tombstone.createdAt(), tombstone.expiresAt(), tombstone.status(),
                        tombstone.completedAt(), tombstone.decision(), tombstone.decisionReasons(),
                        tombstone.locale()));
        assertNull(before.statusReason());
        assertNull(tombstone.statusReason());
        assertNull(tombstone.resultJson(), "the vendor's results are erased");
        assertFalse(tombstone.resultTruncated());
        assertNull(tombstone.videoArchive());
        assertNull(tombstone.returnUrl());
        assertEquals(Map.of("customer", "Test Example"), before.metadata());
        assertEquals(Map.of(), tombstone.metadata(), "metadata may hold anything: erased");
        assertNull(tombstone.review());
        assertEquals(now, tombstone.redactedAt());
        assertEquals(now, tombstone.updatedAt());
        assertTrue(archived.resultJson() != null && before.returnUrl() != null);

        long resultCalls = resultCalls();
        getResult("{\"sessionId\":\"" + sessionId + "\",\"includeRaw\":true}").then().statusCode(200)
                .body("redacted", equalTo(true))
                .body("$", not(org.hamcrest.Matchers.hasKey("raw")))
                .body("$", not(org.hamcrest.Matchers.hasKey("document")));
        collectResult(sessionId).then().statusCode(200).body("redacted", equalTo(true))
                .body("$", not(org.hamcrest.Matchers.hasKey("document")));
        assertEquals(resultCalls, resultCalls(), "a redacted session is never fetched from the vendor again");
        given().redirects().follow(false).get("/sessions/" + sessionId + "/video").then().statusCode(409)
                .body("code", equalTo("session_redacted"));

        List<Received> events = receiver.await(2, PATIENCE);
        assertEquals(List.of("session.completed", "session.redacted"), types(events));
        assertEquals("{\"id\":\"" + expectedEventId(sessionId, "session.redacted")
                + "\",\"type\":\"session.redacted\",\"sessionId\":\"" + sessionId
                + "\",\"reference\":\"order-redact-1\",\"status\":\"COMPLETED\",\"statusReason\":null,"
                + "\"decision\":{\"outcome\":\"" + before.decision() + "\",\"reasons\":"
                + JSON.writeValueAsString(before.decisionReasons()) + "},\"occurredAt\":\"" + now
                + "\",\"metadata\":{}}", events.get(1).bodyText());
        assertEquals(expectedEventId(sessionId, "session.redacted"), events.get(1).header("webhook-id"));
        SessionRecord delivered = await(sessionId, s -> s.webhook().state() == WebhookDelivery.State.DELIVERED);
        assertEquals("session.redacted", delivered.webhook().type());

        clock.advance(Duration.ofMinutes(5));
        String again = redact(sessionId).then().statusCode(200).extract().asString();
        assertEquals(getResult("{\"sessionId\":\"" + sessionId + "\"}").asString(), again,
                "a second redaction answers the same tombstone");
        assertEquals(now, store.find(sessionId).orElseThrow().redactedAt());
        deliverWebhooks().then().statusCode(200);
        assertEquals(2, receiver.received().size(), "no second session.redacted event");
    }

    void refusesToRedactASessionThatIsNotFinal() {
        String sessionId = createSession("{\"flow\":\"legal-entities\"}").path("sessionId");
        SessionRecord before = store.find(sessionId).orElseThrow();

        redact(sessionId).then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("session_not_final"));

        assertEquals(before, store.find(sessionId).orElseThrow());
    }

    void anotherCallerNeitherRedactsNorReviewsASessionOfAFlowItMayNotUse() {
        String sessionId = completed("everyone", null, null);
        SessionRecord before = await(sessionId, RedactReviewJourneys::settled);
        String legalOnly = TestCallers.bearer(TestCallers.LEGAL_ENTITIES_ONLY_TOKEN);

        given().header("Authorization", legalOnly).contentType(ContentType.JSON)
                .body("{\"sessionId\":\"" + sessionId + "\"}").post("/redactSession")
                .then().statusCode(404).body("code", equalTo("session_not_found"));
        given().header("Authorization", legalOnly).contentType(ContentType.JSON)
                .body("{\"sessionId\":\"" + sessionId + "\",\"outcome\":\"approved\"}").post("/reviewSession")
                .then().statusCode(404).body("code", equalTo("session_not_found"));

        assertEquals(before, store.find(sessionId).orElseThrow());
        assertEquals(1, receiver.received().size(), "no event but the session's own");
    }

    void reviewsASessionLeftForReviewAndTellsTheWebhookThenRedactionKeepsTheOutcomeNotTheNote() throws Exception {
        String sessionId = completed("everyone", "order-review-1", null);
        SessionRecord before = await(sessionId, RedactReviewJourneys::settled);
        assertEquals("review", before.decision(), "the everyone flow has no approve rules: left for review");
        clock.freeze();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        LogCapture logs = LogCapture.install();

        Response answer = review(sessionId, "approved", "checked by hand, case 12");

        answer.then().statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("decision.outcome", equalTo("review"))
                .body("review.outcome", equalTo("approved"))
                .body("review.reviewer", equalTo("tests"))
                .body("review.reviewedAt", equalTo(now.toString()))
                .body("review.note", equalTo("checked by hand, case 12"));
        assertEquals(new SessionReview("approved", "tests", now, "checked by hand, case 12"),
                store.find(sessionId).orElseThrow().review());
        getResult("{\"reference\":\"order-review-1\"}").then().statusCode(200)
                .body("review.outcome", equalTo("approved")).body("review.note", equalTo("checked by hand, case 12"));
        List<Received> events = receiver.await(2, PATIENCE);
        assertEquals(List.of("session.completed", "session.reviewed"), types(events));
        assertEquals("{\"id\":\"" + expectedEventId(sessionId, "session.reviewed")
                + "\",\"type\":\"session.reviewed\",\"sessionId\":\"" + sessionId
                + "\",\"reference\":\"order-review-1\",\"status\":\"COMPLETED\",\"statusReason\":null,"
                + "\"decision\":{\"outcome\":\"review\",\"reasons\":" + JSON.writeValueAsString(before.decisionReasons())
                + "},\"occurredAt\":\"" + now + "\",\"metadata\":{},"
                + "\"review\":{\"outcome\":\"approved\",\"reviewer\":\"tests\","
                + "\"reviewedAt\":\"" + now + "\"}}", events.get(1).bodyText());
        await(sessionId, s -> s.webhook().state() == WebhookDelivery.State.DELIVERED);

        review(sessionId, "approved", "checked by hand, case 12").then().statusCode(200)
                .body("review.reviewedAt", equalTo(now.toString()));
        review(sessionId, "declined", null).then().statusCode(409).body("code", equalTo("already_reviewed"));
        deliverWebhooks().then().statusCode(200);
        assertEquals(2, receiver.received().size(), "the same review again sends no second event");

        redact(sessionId).then().statusCode(200)
                .body("review.outcome", equalTo("approved"))
                .body("review.reviewer", equalTo("tests"))
                .body("review", not(org.hamcrest.Matchers.hasKey("note")));
        assertEquals(new SessionReview("approved", "tests", now, null), store.find(sessionId).orElseThrow().review());
        assertEquals(List.of("session.completed", "session.reviewed", "session.redacted"),
                types(receiver.await(3, PATIENCE)));
        review(sessionId, "approved", "checked by hand, case 12").then().statusCode(409)
                .body("code", equalTo("session_redacted"));
        logs.close();
        assertTrue(logs.text().contains("session.reviewed sessionId=" + sessionId), logs.text());
        assertTrue(logs.text().contains("session.redacted sessionId=" + sessionId), logs.text());
        assertFalse(logs.text().contains("case 12"), "the reviewer's note is never logged");
    }

    void refusesToReviewASessionNotLeftForReview() {
        String approved = completed("legal-entities", null, null);
        SessionRecord decided = await(approved, RedactReviewJourneys::settled);
        assertEquals("approved", decided.decision());
        String open = createSession("{\"flow\":\"everyone\"}").path("sessionId");

        review(approved, "declined", null).then().statusCode(409).body("code", equalTo("session_not_in_review"));
        review(open, "approved", null).then().statusCode(409).body("code", equalTo("session_not_in_review"));
        review(approved, "maybe", null).then().statusCode(400).body("code", equalTo("invalid_outcome"))
                .body("field", equalTo("outcome"));
        review(approved, "approved", "x".repeat(501)).then().statusCode(400).body("code", equalTo("invalid_note"));

        assertEquals(decided, store.find(approved).orElseThrow());
        assertNull(store.find(open).orElseThrow().review());
    }

    void aFollowUpEventQueuedBehindAPendingOneIsDeliveredAfterItBothOnce() throws Exception {
        receiver.failNext(1);
        String sessionId = completed("everyone", null, null);
        awaitFirstAttemptAndVideo(sessionId);

        review(sessionId, "declined", null).then().statusCode(200)
                .body("webhook.type", equalTo("session.completed"))
                .body("webhook.state", equalTo("PENDING"))
                .body("webhook.queued", contains("session.reviewed"));
        clock.advance(Duration.ofSeconds(31));
        deliverWebhooks().then().statusCode(200).body("examined", equalTo(1)).body("delivered", equalTo(2));

        List<Received> events = receiver.received();
        assertEquals(List.of("session.completed", "session.completed", "session.reviewed"), types(events));
        assertEquals(List.of(500, 204, 204), events.stream().map(Received::answer).toList());
        assertEquals(List.of(expectedEventId(sessionId, "session.completed"),
                expectedEventId(sessionId, "session.completed"), expectedEventId(sessionId, "session.reviewed")),
                events.stream().map(e -> e.header("webhook-id")).toList());
        WebhookDelivery last = store.find(sessionId).orElseThrow().webhook();
        assertEquals("session.reviewed", last.type());
        assertEquals(WebhookDelivery.State.DELIVERED, last.state());
        assertEquals(List.of(), last.queued());
        clock.advance(Duration.ofMinutes(10));
        deliverWebhooks().then().statusCode(200).body("examined", equalTo(0));
        assertEquals(3, receiver.received().size());
    }

    void aReviewRecordedWhileTheFirstEventIsInFlightIsQueuedAndTheAttemptKept() {
        receiver.failNext(1);
        String sessionId = completed("everyone", null, null);
        awaitFirstAttemptAndVideo(sessionId);
        clock.advance(Duration.ofSeconds(31));
        // the Lambda event path serves one request at a time, busy with deliverWebhooks: the reviewer's request is
        // made on the domain bean that reviewSession calls
        receiver.whileHoldingNext(() -> assertEquals(List.of("session.reviewed"),
                reviewing.review(sessionId, "approved", null, Caller.of("tests", List.of("*"))).webhook().queued()));

        deliverWebhooks().then().statusCode(200).body("delivered", equalTo(2));

        assertEquals(List.of("session.completed", "session.completed", "session.reviewed"), types(receiver.received()));
        assertEquals(List.of(500, 204, 204), receiver.received().stream().map(Received::answer).toList());
        WebhookDelivery last = store.find(sessionId).orElseThrow().webhook();
        assertEquals(List.of("session.reviewed", "DELIVERED"), List.of(last.type(), last.state().name()));
        assertEquals("approved", store.find(sessionId).orElseThrow().review().outcome());
    }

    void aFollowUpEventWaitsBehindAFailedOneUntilThatIsResentAndDelivered() {
        receiver.failNext(3);
        String sessionId = completed("everyone", null, null);
        awaitFirstAttemptAndVideo(sessionId);
        clock.advance(Duration.ofSeconds(31));
        deliverWebhooks().then().body("retrying", equalTo(1));
        clock.advance(Duration.ofSeconds(61));
        deliverWebhooks().then().body("failed", equalTo(1));

        redact(sessionId).then().statusCode(200).body("webhook.state", equalTo("FAILED"))
                .body("webhook.queued", contains("session.redacted"));
        clock.advance(Duration.ofSeconds(30));
        deliverWebhooks().then().statusCode(200).body("examined", equalTo(0));
        assertEquals(3, receiver.received().size(), "the redacted event waits behind the failed one");
        listFailedWebhooks("{}").then().statusCode(200).body("deliveries.sessionId", hasItem(sessionId));

        resendWebhook(sessionId).then().statusCode(200)
                .body("type", equalTo("session.completed"))
                .body("state", equalTo("DELIVERED"))
                .body("attempts.statusCode", contains(500, 500, 500, 204))
                .body("queued", contains("session.redacted"));

        List<Received> events = receiver.await(5, PATIENCE);
        assertEquals(List.of("session.completed", "session.completed", "session.completed", "session.completed",
                "session.redacted"), types(events));
        assertEquals(List.of(500, 500, 500, 204, 204), events.stream().map(Received::answer).toList());
        WebhookDelivery last = await(sessionId, s -> s.webhook().state() == WebhookDelivery.State.DELIVERED)
                .webhook();
        assertEquals("session.redacted", last.type());
        listFailedWebhooks("{}").then().statusCode(200)
                .body("deliveries.sessionId", not(hasItem(sessionId)));
    }

    /** The first attempt made, and the video's copy written: nothing else writes the session meanwhile. */
    private void awaitFirstAttemptAndVideo(String sessionId) {
        await(sessionId, s -> s.webhook().attempts().size() == 1 && s.videoArchive() != null
                && s.videoArchive().status() == VideoArchive.Status.ARCHIVED);
    }

    /** Nothing more happens to a completed session by itself: its event delivered, its video archived. */
    private static boolean settled(SessionRecord session) {
        return session.webhook() != null && session.webhook().state() == WebhookDelivery.State.DELIVERED
                && session.videoArchive() != null && session.videoArchive().status() == VideoArchive.Status.ARCHIVED;
    }

    private String completed(String flow, String reference, String extra) {
        String sessionId = createSession("{\"flow\":\"" + flow + "\""
                + (reference == null ? "" : ",\"reference\":\"" + reference + "\"")
                + (extra == null ? "" : "," + extra) + "}").path("sessionId");
        sandbox.complete(sessionId, Map.of());
        collectResult(sessionId).then().statusCode(200).body("status", equalTo("COMPLETED"));
        return sessionId;
    }

    static Response redact(String sessionId) {
        return given().contentType(ContentType.JSON).body("{\"sessionId\":\"" + sessionId + "\"}")
                .when().post("/redactSession");
    }

    static Response review(String sessionId, String outcome, String note) {
        return given().contentType(ContentType.JSON).body("{\"sessionId\":\"" + sessionId + "\",\"outcome\":\""
                + outcome + "\"" + (note == null ? "" : ",\"note\":\"" + note + "\"") + "}")
                .when().post("/reviewSession");
    }

    private static List<String> types(List<Received> events) {
        return events.stream().map(e -> {
            try {
                return JSON.readTree(e.body()).path("type").asText();
            } catch (java.io.IOException failed) {
                throw new AssertionError(failed);
            }
        }).toList();
    }

    private long resultCalls() {
        return sandbox.recordedRequests().stream().filter(r -> r.path().startsWith(Endpoint.RESULT.path())).count();
    }

    /** Waits until the stored session matches; fails after {@link #PATIENCE}. */
    private SessionRecord await(String sessionId, Predicate<SessionRecord> matches) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            SessionRecord session = store.find(sessionId).orElseThrow();
            if (matches.test(session)) {
                return session;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the session is still " + session + " " + session.webhook() + " "
                        + session.videoArchive());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Whether s3rver holds the session's video object, asked with the SDK as s3rver's account. */
    private boolean objectExists(String sessionId) {
        try (S3Client client = S3Client.builder().httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(config.video().archive().region().orElseThrow()))
                .endpointOverride(URI.create(config.video().archive().endpointOverride().orElseThrow()))
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3rverResource.ACCOUNT, S3rverResource.ACCOUNT)))
                .build()) {
            client.headObject(request -> request.bucket(S3rverResource.BUCKET).key(VideoBucket.key(sessionId)));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }
}
