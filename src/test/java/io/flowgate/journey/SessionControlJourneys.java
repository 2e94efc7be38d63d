package io.flowgate.journey;

import static io.flowgate.journey.Journeys.arriveAtCallback;
import static io.flowgate.journey.Journeys.createSession;
import static io.flowgate.journey.Journeys.getResult;
import static io.flowgate.journey.Journeys.passFlow;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowgate.flow.decision.Decision;
import io.flowgate.flow.metrics.MetricNames;
import io.flowgate.sandbox.Endpoint;
import io.flowgate.sandbox.Sandbox;
import io.flowgate.store.CollectionSchedule;
import io.flowgate.store.SessionRecord;
import io.flowgate.store.SessionStatus;
import io.flowgate.store.SessionStore;
import io.flowgate.store.WebhookDelivery;
import io.flowgate.testsupport.MutableClock;
import io.flowgate.testsupport.RecordedMetrics;
import io.flowgate.testsupport.StoreFaults;
import io.flowgate.testsupport.TestCallers;
import io.flowgate.testsupport.WebhookReceiver;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * cancelSession and resumeSession, journeys over the Lambda event path and their refusals; run on both stores
 * (memory and dynalite) by {@code SessionControlTest} and {@code DynamoDbSessionControlTest}.
 */
final class SessionControlJourneys {

    private static final String RETURN_URL = "https://shop.example.com/kyc/done";
    private static final Duration PATIENCE = Duration.ofSeconds(5);

    private final Sandbox sandbox;
    private final SessionStore store;
    private final MutableClock clock;
    private final StoreFaults faults;
    private final WebhookReceiver receiver;
    private final RecordedMetrics metrics;

    SessionControlJourneys(Sandbox sandbox, SessionStore store, MutableClock clock, StoreFaults faults,
            WebhookReceiver receiver, RecordedMetrics metrics) {
        this.sandbox = sandbox;
        this.store = store;
        this.clock = clock;
        this.faults = faults;
        this.receiver = receiver;
        this.metrics = metrics;
    }

    static Response cancelSession(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/cancelSession");
    }

    static Response resumeSession(String sessionId) {
        return given().contentType(ContentType.JSON).body("{\"sessionId\":\"" + sessionId + "\"}")
                .when().post("/resumeSession");
    }

    /**
     * A cancelled session: its event {@code session.cancelled} delivered, getResult shows it CANCELLED, the person
     * who passes the vendor's page anyway is told at the callback that it was cancelled (in English) and not sent on,
     * and neither that callback nor a later sweep fetches its result.
     */
    void cancelsASessionTellsTheWebhookAndThePersonAndNeverCollectsItAgain() throws Exception {
        String reference = "order-cancel-" + System.nanoTime();
        Response created = createSession("{\"flow\":\"everyone\",\"reference\":\"" + reference
                + "\",\"locale\":\"en\",\"returnUrl\":\"" + RETURN_URL + "\"}");
        String sessionId = created.path("sessionId");

        Response cancelled = cancelSession("{\"sessionId\":\"" + sessionId + "\",\"reason\":\"customer_left\"}");

        cancelled.then().statusCode(200)
                .body("sessionId", equalTo(sessionId))
                .body("reference", equalTo(reference))
                .body("status", equalTo("CANCELLED"))
                .body("statusReason", equalTo("customer_left"))
                .body("decision.outcome", equalTo("declined"))
                .body("decision.reasons", equalTo(List.of("the session was cancelled by the integrator")));
        SessionRecord stored = store.find(sessionId).orElseThrow();
        assertEquals(SessionStatus.CANCELLED, stored.status());
        assertEquals(cancelled.path("completedAt"), String.valueOf(stored.completedAt()));
        assertNull(stored.collectDueAt(), "no longer due for collection");
        assertEquals(List.of(), store.findDueCollections(now().plus(Duration.ofDays(1)), 1000).stream()
                .filter(session -> session.sessionId().equals(sessionId)).toList(), "out of the sweep's index");
        assertNull(stored.videoArchive(), "no video copy for a cancelled session");

        WebhookReceiver.Received event = eventOf(sessionId);
        assertEquals("{\"id\":\"" + Webhooks.expectedEventId(sessionId, "session.cancelled")
                + "\",\"type\":\"session.cancelled\",\"sessionId\":\"" + sessionId + "\",\"reference\":\"" + reference
                + "\",\"status\":\"CANCELLED\",\"statusReason\":\"customer_left\",\"decision\":{\"outcome\":\"declined\","
                + "\"reasons\":[\"the session was cancelled by the integrator\"]},\"occurredAt\":\""
                + stored.completedAt() + "\",\"metadata\":{}}", event.bodyText());
        Webhooks.awaitDelivery(store, sessionId, delivery -> delivery.state() == WebhookDelivery.State.DELIVERED);
        long deliveredVersion = store.find(sessionId).orElseThrow().version();
        getResult("{\"sessionId\":\"" + sessionId + "\"}").then().statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("statusReason", equalTo("customer_left"))
                .body("webhook.type", equalTo("session.cancelled"))
                .body("webhook.state", equalTo("DELIVERED"));
        assertEquals(1, metrics.sum(MetricNames.SESSIONS_CANCELLED, Map.of("flow", "everyone")));

        URI callback = passFlow(created.path("verificationUrl"), Map.of());
        Response page = arriveAtCallback(callback);

        assertEquals(200, page.statusCode());
        assertNull(page.header("Location"), "never sent on to the return URL");
        assertTrue(page.asString().contains("<html lang=\"en\">"), page.asString());
        assertTrue(page.asString().contains("<main id=\"cancelled\"><h1>The verification was cancelled</h1>"),
                page.asString());

        clock.advance(Duration.ofMinutes(16));
        given().contentType(ContentType.JSON).body("{}").post("/sweep").then().statusCode(200);

        assertEquals(0, resultRequests(sessionId), "the vendor's result is never fetched");
        SessionRecord after = store.find(sessionId).orElseThrow();
        assertEquals(SessionStatus.CANCELLED, after.status());
        assertEquals(deliveredVersion, after.version(), "neither the callback nor the sweep wrote to it");
        assertEquals(stored.resultJson(), after.resultJson());
        assertEquals(List.of(event.bodyText()), receiver.received().stream().map(WebhookReceiver.Received::bodyText)
                .filter(body -> body.contains(sessionId)).toList(), "session.cancelled is its one and last event");
    }

    /** The person of a cancelled Russian session is told in Russian; without a reason, it is {@code unspecified}. */
    void tellsThePersonInRussianAndKeepsUnspecifiedWithoutAReason() {
        Response created = createSession("{\"flow\":\"individuals\",\"returnUrl\":\"" + RETURN_URL + "\"}");
        String sessionId = created.path("sessionId");

        cancelSession("{\"sessionId\":\"" + sessionId + "\"}").then().statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("statusReason", equalTo("unspecified"));
        Response page = arriveAtCallback(passFlow(created.path("verificationUrl"), Map.of()));

        assertEquals(200, page.statusCode());
        assertNull(page.header("Location"));
        assertTrue(page.asString().contains("<html lang=\"ru\">"), page.asString());
        assertTrue(page.asString().contains("<main id=\"cancelled\"><h1>Проверка отменена</h1>"), page.asString());
        assertEquals(0, resultRequests(sessionId));
        assertNull(store.find(sessionId).orElseThrow().webhook(), "its flow has no webhook");
    }

    /** A completed session, and one already cancelled, cannot be cancelled: 409 session_final, nothing changed. */
    void refusesToCancelAFinalSession() {
        String completed = Webhooks.completed(sandbox, "individuals", null);
        long version = store.find(completed).orElseThrow().version();

        cancelSession("{\"sessionId\":\"" + completed + "\",\"reason\":\"duplicate\"}").then().statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("session_final"))
                .body("detail", equalTo("The session is already COMPLETED; a final session does not change any more."));
        assertEquals(version, store.find(completed).orElseThrow().version());
        assertEquals(SessionStatus.COMPLETED, store.find(completed).orElseThrow().status());

        String sessionId = createSession("{\"flow\":\"individuals\"}").path("sessionId");
        cancelSession("{\"sessionId\":\"" + sessionId + "\",\"reason\":\"duplicate\"}").then().statusCode(200);
        cancelSession("{\"sessionId\":\"" + sessionId + "\",\"reason\":\"other\"}").then().statusCode(409)
                .body("code", equalTo("session_final"));
        assertEquals("duplicate", store.find(sessionId).orElseThrow().statusReason(), "the first cancel's reason stays");
    }

    /**
     * A collection finishes the session between cancel's read and its write: the cancel's conditional write loses,
     * the session is read again, and being final now it is refused; the collection's result stands.
     */
    void aCollectionThatFinishesTheSessionFirstWinsTheRace() {
        String sessionId = createSession("{\"flow\":\"everyone\"}").path("sessionId");
        faults.interfereWithUpdates(1, updated -> updated.status() == SessionStatus.CANCELLED,
                stored -> stored.next(SessionStatus.COMPLETED, null, now(), now(), null, Decision.APPROVED,
                        List.of(), null));

        cancelSession("{\"sessionId\":\"" + sessionId + "\"}").then().statusCode(409)
                .body("code", equalTo("session_final"));

        SessionRecord stored = store.find(sessionId).orElseThrow();
        assertEquals(SessionStatus.COMPLETED, stored.status());
        assertEquals(2, stored.version());
        assertNull(stored.webhook(), "no session.cancelled event was written");
        assertEquals(0, metrics.sum(MetricNames.SESSIONS_CANCELLED));
    }

    /** A write that leaves the session open (a failed collection recorded) lands first: cancel reads again and wins. */
    void aCancelThatLosesToAWriteLeavingTheSessionOpenTriesAgainAndCancels() {
        String sessionId = createSession("{\"flow\":\"individuals\"}").path("sessionId");
        faults.interfereWithUpdates(1, updated -> updated.status() == SessionStatus.CANCELLED,
                stored -> stored.withCollection(CollectionSchedule.first(now().plusSeconds(60))));

        cancelSession("{\"sessionId\":\"" + sessionId + "\",\"reason\":\"customer_left\"}").then().statusCode(200)
                .body("status", equalTo("CANCELLED"));

        SessionRecord stored = store.find(sessionId).orElseThrow();
        assertEquals(SessionStatus.CANCELLED, stored.status());
        assertEquals(3, stored.version(), "the other write, then the cancel on top of it");
    }

    /** A reason that is not a code, or an unknown field, is refused before anything is read or written. */
    void refusesAReasonThatIsNotACode() {
        String sessionId = createSession("{\"flow\":\"individuals\"}").path("sessionId");

        for (String reason : List.of("Ivan left", "customer_left_on_2024", "", "CUSTOMER", "a".repeat(41))) {
            cancelSession("{\"sessionId\":\"" + sessionId + "\",\"reason\":\"" + reason + "\"}").then()
                    .statusCode(400)
                    .body("code", equalTo("invalid_reason"))
                    .body("field", equalTo("reason"));
        }
        cancelSession("{\"sessionId\":\"" + sessionId + "\",\"note\":\"x\"}").then().statusCode(400)
                .body("code", equalTo("unknown_field"));
        cancelSession("{\"reason\":\"duplicate\"}").then().statusCode(400).body("code", equalTo("invalid_session_id"));
        cancelSession("{\"sessionId\":\"no-such-session\"}").then().statusCode(404)
                .body("code", equalTo("session_not_found"));

        SessionRecord stored = store.find(sessionId).orElseThrow();
        assertEquals(SessionStatus.CREATED, stored.status());
        assertEquals(1, stored.version());
    }

    /** A caller that may not use the session's flow can neither cancel nor resume it: it is not found for it. */
    void anotherCallersSessionIsNotFoundForCancelOrResume() {
        String sessionId = createSession("{\"flow\":\"everyone\"}").path("sessionId");
        String other = TestCallers.bearer(TestCallers.LEGAL_ENTITIES_ONLY_TOKEN);

        given().header("Authorization", other).contentType(ContentType.JSON)
                .body("{\"sessionId\":\"" + sessionId + "\"}").post("/cancelSession")
                .then().statusCode(404).body("code", equalTo("session_not_found"))
                .body("detail", equalTo("No session with that id."));
        given().header("Authorization", other).contentType(ContentType.JSON)
                .body("{\"sessionId\":\"" + sessionId + "\"}").post("/resumeSession")
                .then().statusCode(404).body("code", equalTo("session_not_found"))
                .body("detail", equalTo("No session with that id."));

        SessionRecord stored = store.find(sessionId).orElseThrow();
        assertEquals(SessionStatus.CREATED, stored.status());
        assertEquals(1, stored.version());
    }

    /**
     * Sessions belong to their caller: another caller allowed the same flow finds none of this caller's sessions,
     * by id or by reference, in any function that reads or changes one, and changes nothing.
     */
    void anotherCallerOfTheSameFlowFindsNoneOfTheCallersSessions() {
        String sessionId = createSession("{\"flow\":\"legal-entities\",\"reference\":\"order-own-1\"}")
                .path("sessionId");
        String other = TestCallers.bearer(TestCallers.LEGAL_ENTITIES_ONLY_TOKEN);
        String byId = "{\"sessionId\":\"" + sessionId + "\"}";
        Map<String, String> requests = Map.of(
                "/getResult", byId,
                "/collectResult", byId,
                "/cancelSession", byId,
                "/resumeSession", byId,
                "/redactSession", byId,
                "/reviewSession", "{\"sessionId\":\"" + sessionId + "\",\"outcome\":\"approved\"}");

        requests.forEach((path, body) -> given().header("Authorization", other).contentType(ContentType.JSON)
                .body(body).post(path)
                .then().statusCode(404).body("code", equalTo("session_not_found")));
        given().header("Authorization", other).contentType(ContentType.JSON)
                .body("{\"reference\":\"order-own-1\"}").post("/getResult")
                .then().statusCode(404).body("code", equalTo("session_not_found"));
        given().header("Authorization", other).get("/sessions/" + sessionId + "/video")
                .then().statusCode(404).body("code", equalTo("session_not_found"));
        given().header("Authorization", other).contentType(ContentType.JSON)
                .body("{\"flow\":\"legal-entities\",\"limit\":100}").post("/listSessions")
                .then().statusCode(200).body("sessions.sessionId", not(hasItem(sessionId)));

        SessionRecord stored = store.find(sessionId).orElseThrow();
        assertEquals(SessionStatus.CREATED, stored.status());
        assertEquals(1, stored.version());
        getResult(byId).then().statusCode(200).body("sessionId", equalTo(sessionId));
    }

    /**
     * A person who lost the tab gets a new link into the same vendor session, which leads through the sandbox's hosted
     * page to the callback, the return URL and the completed session.
     */
    void resumesAnOpenSessionWithALinkThatLeadsToCompletion() {
        Response created = createSession("{\"flow\":\"legal-entities\",\"locale\":\"en\",\"returnUrl\":\""
                + RETURN_URL + "\"}");
        String sessionId = created.path("sessionId");
        clock.advance(Duration.ofMinutes(3));

        Response resumed = resumeSession(sessionId);

        resumed.then().statusCode(200)
                .body("sessionId", equalTo(sessionId))
                .body("expiresAt", equalTo(created.path("expiresAt")));
        String link = resumed.path("verificationUrl");
        assertTrue(link.startsWith(sandbox.baseUrl() + "/sandbox/flow/" + sessionId + "?redirect="), link);
        assertEquals("en", Journeys.query(URI.create(link).getRawQuery()).get("locale"));
        assertEquals(1, store.find(sessionId).orElseThrow().version(), "resuming writes nothing");

        Response back = arriveAtCallback(passFlow(link, Map.of()));

        assertEquals(RETURN_URL + "?session_id=" + sessionId + "&status=completed", back.header("Location"));
        getResult("{\"sessionId\":\"" + sessionId + "\"}").then().statusCode(200)
                .body("status", equalTo("COMPLETED"));
    }

    /** Final sessions (completed, cancelled) are refused with 409 session_final. */
    void refusesToResumeAFinalSession() {
        String completed = Webhooks.completed(sandbox, "individuals", null);
        resumeSession(completed).then().statusCode(409).body("code", equalTo("session_final"))
                .body("detail", equalTo("The session is already COMPLETED; a final session does not change any more."));

        String cancelled = createSession("{\"flow\":\"individuals\"}").path("sessionId");
        cancelSession("{\"sessionId\":\"" + cancelled + "\"}").then().statusCode(200);
        resumeSession(cancelled).then().statusCode(409).body("code", equalTo("session_final"))
                .body("detail", equalTo("The session is already CANCELLED; a final session does not change any more."));
    }

    /** A session past its expiresAt, not yet made final by a sweep, is refused with 409 session_expired. */
    void refusesToResumeASessionPastItsExpiry() {
        Response created = createSession("{\"flow\":\"individuals\"}");
        String sessionId = created.path("sessionId");
        clock.advance(Duration.between(clock.instant(), Instant.parse(created.path("expiresAt"))).plusSeconds(1));

        resumeSession(sessionId).then().statusCode(409).body("code", equalTo("session_expired"));

        SessionRecord stored = store.find(sessionId).orElseThrow();
        assertEquals(SessionStatus.CREATED, stored.status());
        assertEquals(1, stored.version());
        assertFalse(resultRequests(sessionId) > 0, "resuming never asks the vendor");
    }

    /** The first event the receiver got about the session (other sessions of the store may have events too). */
    private WebhookReceiver.Received eventOf(String sessionId) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            for (WebhookReceiver.Received received : receiver.received()) {
                if (received.bodyText().contains("\"sessionId\":\"" + sessionId + "\"")) {
                    return received;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no event about " + sessionId);
    }

    private long resultRequests(String sessionId) {
        return sandbox.recordedRequests().stream()
                .filter(request -> request.path().equals(Endpoint.RESULT.path()))
                .filter(request -> request.queryParam("session_id").filter(sessionId::equals).isPresent())
                .count();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
