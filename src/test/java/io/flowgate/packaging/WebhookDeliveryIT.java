package io.flowgate.packaging;

import static io.flowgate.journey.Journeys.collectResult;
import static io.flowgate.journey.Journeys.createSession;
import static io.flowgate.journey.Journeys.getResult;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowgate.testsupport.WebhookReceiver.Received;
import io.flowgate.testsupport.WebhookReceiver;
import io.flowgate.testsupport.lambda.LambdaStack;
import io.flowgate.testsupport.lambda.StubVendor;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The webhook on the packaged artifact: a flow with a webhook URL and secret pointing at a real receiver on
 * loopback ({@link WebhookReceiver}, which verifies every request with the official Standard Webhooks library), a
 * session completed by {@code collectResult}, and {@code POST /deliverWebhooks} (as the test caller; no
 * {@code FLOWGATE_FUNCTION}, so every route is served) making the delivery. The receiver fails the first attempt,
 * the one the completion starts on another thread, so that the delivery the test checks is the scheduled
 * function's: its retry comes one second later ({@code flowgate.webhooks.initial-backoff}).
 */
class WebhookDeliveryIT {

    private static final Path TARGET = Path.of(System.getProperty("flowgate.target", "target"));
    private static final String SECRET = "whsec_kvJJ0xgB22G2ZlcC9J8rAh++EZizXInN15a30kZg/u4=";
    private static final String OTHER_SECRET = "whsec_uTzSMvTuqxD6zTtVIE2PMaTmR2BAArBkpWn1odARUSA=";
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private static StubVendor vendor;
    private static WebhookReceiver receiver;
    private static LambdaStack lambda;

    @BeforeAll
    static void startThePackagedFunctionAndTheReceiver() throws Exception {
        vendor = new StubVendor();
        receiver = WebhookReceiver.start(Map.of("flow", SECRET, "other", OTHER_SECRET));
        lambda = LambdaStack.startPackaged(TARGET, WebhookDeliveryIT::configuration, TARGET.resolve("webhook-it"));
        PackagedSetup.callThrough(lambda);
    }

    private static Map<String, String> configuration(String publicUrl) {
        Map<String, String> properties = PackagedSetup.configuration("webhook-it", publicUrl, vendor);
        properties.putAll(FunctionsOverHttpContract.CONFIGURATION);
        properties.put("flowgate.flows.individuals.webhook.url", receiver.url("/hooks/individuals?token=t0k3n"));
        properties.put("flowgate.flows.individuals.webhook.secrets", SECRET);
        properties.put("flowgate.webhooks.initial-backoff", "1S");
        properties.put("flowgate.webhooks.timeout", "5S");
        return properties;
    }

    @AfterAll
    static void stop() throws Exception {
        PackagedSetup.closeAll(lambda, receiver, vendor);
    }

    @Test
    void deliverWebhooksDeliversTheSignedSessionCompletedEventToTheReceiver() throws Exception {
        receiver.failNext(1);
        String sessionId = createSession("{\"flow\":\"individuals\",\"reference\":\"order-wh1\"}").path("sessionId");

        collectResult(sessionId).then().statusCode(200).body("status", equalTo("COMPLETED"));
        Received refused = receiver.await(1, PATIENCE).get(0);
        assertEquals(500, refused.answer(), "the first attempt, on the completion's thread, is refused");
        JsonPath pending = awaitWebhookState(sessionId, "PENDING", 1);
        Instant due = Instant.parse(pending.getString("webhook.nextAttemptAt"));
        while (Instant.now().isBefore(due.plusMillis(100))) {
            Thread.sleep(50);
        }

        JsonPath report = given().contentType(ContentType.JSON).body("{}").when().post("/deliverWebhooks")
                .then().statusCode(200).extract().jsonPath();

        assertEquals(1, report.getInt("delivered"), report.prettify());
        assertEquals(0, report.getInt("failed"), report.prettify());
        List<Received> received = receiver.received();
        assertEquals(2, received.size(), "the refused attempt and the scheduled function's");
        Received delivered = received.get(1);
        JsonPath session = getResult("{\"sessionId\":\"" + sessionId + "\"}").then().statusCode(200)
                .extract().jsonPath();
        String eventId = eventId(sessionId, "session.completed");
        assertEquals("{\"id\":\"" + eventId + "\",\"type\":\"session.completed\",\"sessionId\":\"" + sessionId
                + "\",\"reference\":\"order-wh1\",\"status\":\"COMPLETED\",\"statusReason\":null,"
                + "\"decision\":{\"outcome\":\"approved\",\"reasons\":[\"/liveness_result/is_live == true\","
                + "\"/face2face_result/similarity >= 0.8\"]},\"occurredAt\":\"" + session.getString("completedAt")
                + "\",\"metadata\":{}}", delivered.bodyText());
        assertEquals(refused.bodyText(), delivered.bodyText(), "every attempt sends the same event");
        assertEquals("/hooks/individuals?token=t0k3n", delivered.path());
        assertEquals("application/json", delivered.header("content-type"));
        assertEquals("flowgate-webhooks", delivered.header("user-agent"));
        assertEquals(eventId, delivered.header("webhook-id"));
        assertEquals(eventId, refused.header("webhook-id"));
        long sentAt = Long.parseLong(delivered.header("webhook-timestamp"));
        assertTrue(Math.abs(Instant.now().getEpochSecond() - sentAt) <= 5, "the timestamp is the time of sending");
        assertEquals(1, delivered.header("webhook-signature").split(" ").length, "one v1 signature, one secret");
        assertEquals(Map.of("flow", true, "other", false), delivered.acceptedBy());
        assertEquals(204, delivered.answer());
        assertFalse(WebhookReceiver.verifies(SECRET, delivered.bodyText().replace("approved", "declined"),
                delivered.headers()), "a changed body no longer verifies");

        getResult("{\"sessionId\":\"" + sessionId + "\"}").then()
                .body("webhook.eventId", equalTo(eventId))
                .body("webhook.type", equalTo("session.completed"))
                .body("webhook.state", equalTo("DELIVERED"))
                .body("webhook.nextAttemptAt", nullValue())
                .body("webhook.attempts.statusCode", contains(500, 204))
                .body("webhook.attempts.outcome", contains("retry", "delivered"));

        JsonPath again = given().contentType(ContentType.JSON).body("{}").when().post("/deliverWebhooks")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(0, again.getInt("delivered"), again.prettify());
        assertEquals(2, receiver.received().size(), "a delivered event is not sent again");
    }

    /** The session as getResult answers it once its webhook is in {@code state} with {@code attempts} attempts. */
    private static JsonPath awaitWebhookState(String sessionId, String state, int attempts) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            JsonPath session = getResult("{\"sessionId\":\"" + sessionId + "\"}").then().statusCode(200)
                    .extract().jsonPath();
            if (state.equals(session.getString("webhook.state"))
                    && session.getList("webhook.attempts").size() == attempts) {
                return session;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the webhook was not " + state + " after " + attempts + " attempt(s) within "
                        + PATIENCE + ": " + session.prettify() + "\n" + lambda.output());
            }
            Thread.sleep(50);
        }
    }

    /** The event's id: {@code evt_} and 32 hex digits of the SHA-256 of the session id and the type. */
    private static String eventId(String sessionId, String type) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest((sessionId + "\n" + type).getBytes(StandardCharsets.UTF_8));
        return "evt_" + HexFormat.of().formatHex(digest).substring(0, 32);
    }
}
