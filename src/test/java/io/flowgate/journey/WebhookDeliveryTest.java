package io.flowgate.journey;

import static io.flowgate.journey.Journeys.arriveAtCallback;
import static io.flowgate.journey.Journeys.createSession;
import static io.flowgate.journey.Journeys.getResult;
import static io.flowgate.journey.Journeys.passFlow;
import static io.flowgate.journey.Webhooks.attempts;
import static io.flowgate.journey.Webhooks.awaitDelivery;
import static io.flowgate.journey.Webhooks.deliverWebhooks;
import static io.flowgate.journey.Webhooks.expectedEventId;
import static io.flowgate.journey.Webhooks.listFailedWebhooks;
import static io.flowgate.journey.Webhooks.resendWebhook;
import static io.flowgate.testsupport.WebhookReceiverResource.LEGAL_SECRET;
import static io.flowgate.testsupport.WebhookReceiverResource.NEW_SECRET;
import static io.flowgate.testsupport.WebhookReceiverResource.OLD_SECRET;
import static io.flowgate.testsupport.WebhookReceiverResource.URL_TOKEN;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import io.flowgate.budget.Budget;
import io.flowgate.budget.InvocationBudget;
import io.flowgate.flow.webhook.WebhookDeliverer.DeliveryReport;
import io.flowgate.flow.webhook.WebhookDeliverer;
import io.flowgate.sandbox.Sandbox;
import io.flowgate.store.InMemorySessionStore;
import io.flowgate.store.SessionRecord;
import io.flowgate.store.WebhookDelivery.Attempt;
import io.flowgate.store.WebhookDelivery.State;
import io.flowgate.store.WebhookDelivery;
import io.flowgate.testsupport.LogCapture;
import io.flowgate.testsupport.MutableClock;
import io.flowgate.testsupport.StoreFaults;
import io.flowgate.testsupport.TestCallers;
import io.flowgate.testsupport.WebhookReceiver.Received;
import io.flowgate.testsupport.WebhookReceiver;
import io.flowgate.testsupport.WebhookReceiverResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Signed result webhooks end to end: sessions completed through the real functions, events received by a real
 * HTTP server that verifies them with the official Standard Webhooks library.
 */
@QuarkusTest
@TestProfile(WebhookProfile.class)
class WebhookDeliveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RETURN_URL = "https://shop.example.com/kyc/done";
    private static final Duration PATIENCE = Duration.ofSeconds(5);

    @Inject
    Sandbox sandbox;

    @Inject
    InMemorySessionStore store;

    @Inject
    MutableClock clock;

    @Inject
    StoreFaults faults;

    @Inject
    WebhookDeliverer deliverer;

    private final WebhookReceiver receiver = WebhookReceiverResource.receiver();

    @BeforeEach
    void reset() {
        receiver.reset();
    }

    @AfterEach
    void resetReceiver() {
        receiver.reset();
    }

    @Test
    void deliversTheSignedEventOnceTheSessionCompletesVerifiableWithEitherSecretOfARotation() throws Exception {
        String sessionId = completed("everyone", "order-77");

        Received received = receiver.await(1, PATIENCE).get(0);
        WebhookDelivery delivery = awaitDelivery(store, sessionId, attempts(1));

        SessionRecord session = store.find(sessionId).orElseThrow();
        String eventId = expectedEventId(sessionId, "session.completed");
        assertEquals("{\"id\":\"" + eventId + "\",\"type\":\"session.completed\",\"sessionId\":\"" + sessionId
                + "\",\"reference\":\"order-77\",\"status\":\"COMPLETED\",\"statusReason\":null,\"decision\":{\"outcome\":\"review\","
                + "\"reasons\":" + JSON.writeValueAsString(session.decisionReasons()) + "},\"occurredAt\":\""
                + session.completedAt() + "\",\"metadata\":{}}", received.bodyText());
        assertEquals("/hooks/everyone?token=" + URL_TOKEN, received.path());
        assertEquals("application/json", received.header("content-type"));
        assertEquals(eventId, received.header("webhook-id"));
        long sentAt = Long.parseLong(received.header("webhook-timestamp"));
        assertTrue(Math.abs(Instant.now().getEpochSecond() - sentAt) <= 5, "the timestamp is the time of sending");
        assertEquals(2, received.header("webhook-signature").split(" ").length, "one v1 signature per secret");
        assertEquals(Map.of("old", true, "new", true, "legal", false), received.acceptedBy());
        assertEquals(204, received.answer());

        assertEquals(State.DELIVERED, delivery.state());
        assertEquals(List.of(new Attempt(delivery.attempts().get(0).at(), 204, null, "delivered")),
                delivery.attempts());
        getResult("{\"sessionId\":\"" + sessionId + "\"}").then()
                .body("webhook.eventId", equalTo(eventId))
                .body("webhook.type", equalTo("session.completed"))
                .body("webhook.state", equalTo("DELIVERED"))
                .body("webhook.nextAttemptAt", nullValue())
                .body("webhook.attempts.statusCode", contains(204))
                .body("webhook.attempts.outcome", contains("delivered"));
    }

    @Test
    void aReceiverHoldingOnlyTheOldOrOnlyTheNewSecretAcceptsAndATamperedBodyIsRejected() {
        completed("everyone", null);
        Received received = receiver.await(1, PATIENCE).get(0);

        assertTrue(WebhookReceiver.verifies(OLD_SECRET, received.bodyText(), received.headers()));
        assertTrue(WebhookReceiver.verifies(NEW_SECRET, received.bodyText(), received.headers()));
        assertFalse(WebhookReceiver.verifies(LEGAL_SECRET, received.bodyText(), received.headers()));
        String tampered = received.bodyText().replace("\"COMPLETED\"", "\"EXPIRED\"");
        assertFalse(WebhookReceiver.verifies(OLD_SECRET, tampered, received.headers()));
        assertFalse(WebhookReceiver.verifies(NEW_SECRET, tampered, received.headers()));
    }

    @Test
    void retriesWithBackoffUntilTheReceiverAcceptsKeepingTheEventIdAndBody() {
        receiver.failNext(2);
        String sessionId = completed("legal-entities", "order-78");

        WebhookDelivery first = awaitDelivery(store, sessionId, attempts(1));
        assertEquals(State.PENDING, first.state());
        assertEquals(first.attempts().get(0).at().plusSeconds(30), first.nextAttemptAt());
        deliverWebhooks().then().statusCode(200).body("examined", equalTo(0));

        clock.advance(Duration.ofSeconds(31));
        deliverWebhooks().then().statusCode(200).body("examined", equalTo(1)).body("retrying", equalTo(1));
        WebhookDelivery second = store.find(sessionId).orElseThrow().webhook();
        assertEquals(second.attempts().get(1).at().plusSeconds(60), second.nextAttemptAt());

        clock.advance(Duration.ofSeconds(61));
        deliverWebhooks().then().statusCode(200).body("examined", equalTo(1)).body("delivered", equalTo(1));

        WebhookDelivery delivered = store.find(sessionId).orElseThrow().webhook();
        assertEquals(State.DELIVERED, delivered.state());
        assertEquals(List.of("500 retry", "500 retry", "204 delivered"), summary(delivered));
        List<Received> received = receiver.received();
        assertEquals(3, received.size());
        assertEquals(1, received.stream().map(r -> r.header("webhook-id")).distinct().count());
        assertEquals(1, received.stream().map(Received::bodyText).distinct().count());
        assertEquals(3, received.stream().map(r -> r.header("webhook-timestamp")).distinct().count());
        assertEquals(Map.of("old", false, "new", false, "legal", true), received.get(2).acceptedBy());
    }

    @Test
    void aRunStartsNoAttemptOnceLessThanOneAttemptOfItsBudgetIsLeftAndReportsWhatItLeft() {
        receiver.failNext(2);
        String first = completed("everyone", null);
        String second = completed("legal-entities", null);
        awaitDelivery(store, first, attempts(1));
        awaitDelivery(store, second, attempts(1));
        clock.advance(Duration.ofSeconds(31));

        DeliveryReport shortRun = InvocationBudget.within(Budget.of(Duration.ofMillis(1_999)), deliverer::deliverDue);

        assertEquals(new DeliveryReport(0, 0, 0, 0, 0, 2), shortRun);
        assertEquals(1, store.find(first).orElseThrow().webhook().attempts().size());
        DeliveryReport nextRun = InvocationBudget.within(Budget.of(Duration.ofSeconds(30)), deliverer::deliverDue);
        assertEquals(new DeliveryReport(2, 2, 0, 0, 0, 0), nextRun);
    }

    @Test
    void anAttemptLostWithItsProcessIsMadeAgainOnceItsClaimRunsOut() {
        receiver.failNext(1);
        String sessionId = completed("everyone", null);
        awaitDelivery(store, sessionId, attempts(1));
        clock.advance(Duration.ofSeconds(31));
        // A deliverer claims the attempt as WebhookDeliverer does (timeout 2 s + 1 min), then its instance goes away.
        SessionRecord due = store.find(sessionId).orElseThrow();
        store.update(due.nextWebhook(due.webhook().dueAt(clock.instant().plusSeconds(62))));

        deliverWebhooks().then().statusCode(200).body("examined", equalTo(0));
        clock.advance(Duration.ofSeconds(63));
        deliverWebhooks().then().statusCode(200).body("examined", equalTo(1)).body("delivered", equalTo(1));

        assertEquals(List.of("500 retry", "204 delivered"), summary(store.find(sessionId).orElseThrow().webhook()));
        assertEquals(2, receiver.received().size());
    }

    @Test
    void recordsAPermanentFailureListsItAndDeliversItOnResend() {
        receiver.failNext(3);
        String sessionId = completed("everyone", "order-79");
        awaitDelivery(store, sessionId, attempts(1));
        clock.advance(Duration.ofSeconds(31));
        deliverWebhooks().then().body("retrying", equalTo(1));
        clock.advance(Duration.ofSeconds(61));
        deliverWebhooks().then().body("failed", equalTo(1));

        WebhookDelivery failed = store.find(sessionId).orElseThrow().webhook();
        assertEquals(State.FAILED, failed.state());
        assertNull(failed.nextAttemptAt());
        assertEquals(List.of("500 retry", "500 retry", "500 failed"), summary(failed));
        clock.advance(Duration.ofMinutes(3));
        deliverWebhooks().then().body("examined", equalTo(0));
        listFailedWebhooks("{}").then().statusCode(200)
                .body("deliveries.sessionId", contains(sessionId))
                .body("deliveries[0].reference", equalTo("order-79"))
                .body("deliveries[0].flow", equalTo("everyone"))
                .body("deliveries[0].status", equalTo("COMPLETED"))
                .body("deliveries[0].webhook.state", equalTo("FAILED"))
                .body("deliveries[0].webhook.attempts.statusCode", contains(500, 500, 500));

        resendWebhook(sessionId).then().statusCode(200)
                .body("state", equalTo("DELIVERED"))
                .body("eventId", equalTo(failed.eventId()))
                .body("attempts.outcome", contains("retry", "retry", "failed", "delivered"));
        assertEquals(4, receiver.received().size());
        listFailedWebhooks("{\"limit\":10}").then().statusCode(200).body("deliveries", empty());
    }

    @Test
    void aReceiverThatFailsOrHangsNeverChangesTheCallbacksAnswer() {
        receiver.delay(Duration.ofSeconds(3));
        Response created = createSession("{\"flow\":\"everyone\",\"returnUrl\":\"" + RETURN_URL + "\"}");
        String sessionId = created.path("sessionId");

        long started = System.nanoTime();
        Response back = arriveAtCallback(passFlow(created.path("verificationUrl"), Map.of()));

        assertEquals(RETURN_URL + "?session_id=" + sessionId + "&status=completed", back.header("Location"));
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofMillis(1500)) < 0,
                "the callback did not wait for the receiver");
        WebhookDelivery timedOut = awaitDelivery(store, sessionId, attempts(1));
        assertEquals(new Attempt(timedOut.attempts().get(0).at(), null, "timeout", "retry"),
                timedOut.attempts().get(0));
        receiver.await(1, PATIENCE);
    }

    @Test
    void sendsTheExpiredEventWhenTheSweepExpiresASession() throws Exception {
        String sessionId = createSession("{\"flow\":\"legal-entities\",\"reference\":\"order-80\","
                + "\"metadata\":{\"orderId\":\"A-80\",\"channel\":\"web\"}}").path("sessionId");
        clock.advance(Duration.ofMinutes(16));

        io.restassured.RestAssured.given().contentType("application/json").post("/sweep").then().statusCode(200);

        Received received = receiver.await(1, PATIENCE).get(0);
        SessionRecord session = store.find(sessionId).orElseThrow();
        String eventId = expectedEventId(sessionId, "session.expired");
        assertEquals("{\"id\":\"" + eventId + "\",\"type\":\"session.expired\",\"sessionId\":\"" + sessionId
                + "\",\"reference\":\"order-80\",\"status\":\"EXPIRED\",\"statusReason\":\"abandoned\",\"decision\":{\"outcome\":\"declined\","
                + "\"reasons\":[\"the session expired before every technology had its result\"]},\"occurredAt\":\""
                + session.completedAt() + "\",\"metadata\":{\"channel\":\"web\",\"orderId\":\"A-80\"}}", received.bodyText());
        // Sent 16 minutes ahead of real time, past the 5-minute window: sign it with the library to compare.
        String expected = new Webhook(LEGAL_SECRET).sign(eventId,
                Long.parseLong(received.header("webhook-timestamp")), received.bodyText());
        assertEquals(expected, received.header("webhook-signature"));
        assertEquals(clock.instant().getEpochSecond(), Long.parseLong(received.header("webhook-timestamp")), 5);
    }

    @Test
    void sendsNothingForAFlowWithoutAWebhook() throws Exception {
        String sessionId = completed("individuals", "order-81");

        Thread.sleep(300);
        assertEquals(List.of(), receiver.received());
        assertNull(store.find(sessionId).orElseThrow().webhook());
        getResult("{\"sessionId\":\"" + sessionId + "\"}").then().body("webhook", nullValue());
        resendWebhook(sessionId).then().statusCode(409).body("code", equalTo("webhook_not_configured"));
    }

    @Test
    void refusesAResendItCannotDo() {
        resendWebhook("00000000-0000-4000-8000-000000000000").then().statusCode(404)
                .body("code", equalTo("session_not_found"));
        resendWebhook("not a session").then().statusCode(400).body("code", equalTo("invalid_session_id"));
        String open = createSession("{\"flow\":\"everyone\"}").path("sessionId");
        resendWebhook(open).then().statusCode(409).body("code", equalTo("session_not_final"));

        receiver.failNext(1);
        String retrying = completed("everyone", null);
        awaitDelivery(store, retrying, attempts(1));
        resendWebhook(retrying).then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("webhook_pending"));
        assertEquals(1, receiver.received().size());
    }

    @Test
    void servesACallerOnlyTheFlowsItMayUse() {
        receiver.failNext(2);
        String everyone = completed("everyone", null);
        String legal = completed("legal-entities", null);
        awaitDelivery(store, everyone, attempts(1));
        awaitDelivery(store, legal, attempts(1));
        for (String sessionId : List.of(everyone, legal)) {
            SessionRecord stored = store.find(sessionId).orElseThrow();
            WebhookDelivery failed = stored.webhook().after(
                    new Attempt(stored.webhook().nextAttemptAt(), 500, null, "failed"), State.FAILED, null);
            store.update(stored.nextWebhook(failed));
        }
        String legalOnly = TestCallers.bearer(TestCallers.LEGAL_ENTITIES_ONLY_TOKEN);

        given().header("Authorization", legalOnly).contentType(ContentType.JSON).body("{}")
                .post("/listFailedWebhooks").then().statusCode(200).body("deliveries.sessionId", contains(legal));
        given().header("Authorization", legalOnly).contentType(ContentType.JSON)
                .body("{\"sessionId\":\"" + everyone + "\"}").post("/resendWebhook")
                .then().statusCode(404).body("code", equalTo("session_not_found"));
        assertEquals(State.FAILED, store.find(everyone).orElseThrow().webhook().state());
        listFailedWebhooks("{}").then().statusCode(200).body("deliveries.sessionId", containsInAnyOrder(everyone, legal));
    }

    @Test
    void refusesABadListRequest() {
        listFailedWebhooks("{\"limit\":0}").then().statusCode(400).body("code", equalTo("invalid_limit"))
                .body("field", equalTo("limit"));
        listFailedWebhooks("{\"limit\":201}").then().statusCode(400).body("code", equalTo("invalid_limit"));
        listFailedWebhooks("{\"flow\":\"everyone\"}").then().statusCode(400).body("code", equalTo("unknown_field"));
    }

    @Test
    void logsNeitherTheSecretsNorTheUrlsPathOrToken() {
        try (LogCapture logs = LogCapture.install()) {
            receiver.failNext(1);
            String sessionId = completed("everyone", null);
            awaitDelivery(store, sessionId, attempts(1));
            clock.advance(Duration.ofSeconds(31));
            deliverWebhooks().then().body("delivered", equalTo(1));

            String text = logs.text();
            assertTrue(text.contains("webhook.attempt sessionId=" + sessionId), text);
            assertTrue(text.contains("host=127.0.0.1"), text);
            for (String secret : List.of(OLD_SECRET, NEW_SECRET, OLD_SECRET.substring(6, 30), NEW_SECRET.substring(6, 30),
                    URL_TOKEN, "/hooks/everyone")) {
                assertFalse(text.contains(secret), "the log holds " + secret);
            }
        }
    }


    @Test
    void aVideoCopyWrittenDuringThePostKeepsTheAttemptAndTheCopy() throws Exception {
        races().aVideoCopyWrittenDuringThePostKeepsTheAttemptAndTheCopy();
    }

    @Test
    void aDeliveryTakenOverDuringThePostIsNotOverwritten() throws Exception {
        races().aDeliveryTakenOverDuringThePostIsNotOverwritten();
    }

    @Test
    void aRecordLosingFourTimesInARowIsAppliedOnTheFifthTry() {
        races().aRecordLosingFourTimesInARowIsAppliedOnTheFifthTry();
    }

    @Test
    void aRecordLosingFiveTimesInARowIsGivenUpAndTheAttemptMadeAgainOnceTheClaimRunsOut() {
        races().aRecordLosingFiveTimesInARowIsGivenUpAndTheAttemptMadeAgainOnceTheClaimRunsOut();
    }


    @Test
    void aRestrictedCallerGetsItsFewFailuresInOnePageAmongManyOfOtherFlows() {
        new FailedWebhookListings(store).aRestrictedCallerGetsItsFewFailuresInOnePageAmongManyOfOtherFlows();
    }

    @Test
    void pagesThroughEveryFlowOfTheCallerCompletelyAndWithoutDuplicates() {
        new FailedWebhookListings(store).pagesThroughEveryFlowOfTheCallerCompletelyAndWithoutDuplicates();
    }

    @Test
    void refusesAPageTokenItDidNotGive() {
        new FailedWebhookListings(store).refusesAPageTokenItDidNotGive();
    }

    private WebhookRecordRaces races() {
        return new WebhookRecordRaces(sandbox, store, deliverer, clock, receiver, faults);
    }

    private String completed(String flow, String reference) {
        return Webhooks.completed(sandbox, flow, reference);
    }

    private static List<String> summary(WebhookDelivery delivery) {
        return delivery.attempts().stream().map(a -> a.statusCode() + " " + a.outcome()).toList();
    }
}
