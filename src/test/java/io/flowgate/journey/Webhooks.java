package io.flowgate.journey;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.flowgate.sandbox.Sandbox;
import io.flowgate.store.SessionStore;
import io.flowgate.store.WebhookDelivery;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Predicate;

/** The integrator's webhook functions over HTTP, and waiting for a delivery to be recorded. */
final class Webhooks {

    private Webhooks() {
    }

    /** A session of the flow, completed at the vendor and collected by the integrator; returns its id. */
    static String completed(Sandbox sandbox, String flow, String reference) {
        String sessionId = Journeys.createSession("{\"flow\":\"" + flow + "\""
                + (reference == null ? "" : ",\"reference\":\"" + reference + "\"") + "}").path("sessionId");
        sandbox.complete(sessionId, Map.of());
        Journeys.collectResult(sessionId).then().statusCode(200).body("status", equalTo("COMPLETED"));
        return sessionId;
    }

    static Response deliverWebhooks() {
        return given().contentType(ContentType.JSON).body("{}").when().post("/deliverWebhooks");
    }

    static Response listFailedWebhooks(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/listFailedWebhooks");
    }

    static Response resendWebhook(String sessionId) {
        return given().contentType(ContentType.JSON).body("{\"sessionId\":\"" + sessionId + "\"}")
                .when().post("/resendWebhook");
    }

    /** Waits until the session's stored delivery matches; fails after five seconds. */
    static WebhookDelivery awaitDelivery(SessionStore store, String sessionId, Predicate<WebhookDelivery> matches) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            WebhookDelivery delivery = store.find(sessionId).orElseThrow().webhook();
            if (delivery != null && matches.test(delivery)) {
                return delivery;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the delivery of " + sessionId + " is still " + delivery);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    static Predicate<WebhookDelivery> attempts(int count) {
        return delivery -> delivery.attempts().size() == count;
    }

    /** The event id as docs/webhooks.md defines it, computed here on its own: evt_ + 32 hex of SHA-256(id \n type). */
    static String expectedEventId(String sessionId, String type) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest((sessionId + "\n" + type).getBytes(StandardCharsets.UTF_8));
        return "evt_" + HexFormat.of().formatHex(digest).substring(0, 32);
    }
}
