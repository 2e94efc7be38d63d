package io.flowgate.flow.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.standardwebhooks.Webhook;
import io.flowgate.flow.decision.Decision;
import io.flowgate.store.SessionRecord;
import io.flowgate.store.SessionStatus;
import io.flowgate.testsupport.WebhookReceiver;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The signer against the official Standard Webhooks library, which holds its own HMAC code. */
class WebhookSignerTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String OTHER = "whsec_u4LzMxZ/8XtZei5Uq+RYP65qjUlANgqLddKKpv/84Mo=";

    @Test
    void signsAsTheOfficialLibraryDoes() throws Exception {
        byte[] body = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

        String signature = WebhookSigner.signature(List.of(SECRET), "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body);

        assertEquals(new Webhook(SECRET).sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}"),
                signature);
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature);
    }

    @Test
    void signsWithEverySecretSoThatEitherVerifies() {
        long now = Instant.now().getEpochSecond();
        String body = "{\"id\":\"evt_1\",\"note\":\"naïve ✓\"}";

        String signature = WebhookSigner.signature(List.of(SECRET, OTHER), "evt_1", now,
                body.getBytes(StandardCharsets.UTF_8));

        Map<String, List<String>> headers = Map.of("webhook-id", List.of("evt_1"),
                "webhook-timestamp", List.of(Long.toString(now)), "webhook-signature", List.of(signature));
        assertEquals(2, signature.split(" ").length);
        assertTrue(WebhookReceiver.verifies(SECRET, body, headers));
        assertTrue(WebhookReceiver.verifies(OTHER, body, headers));
        assertFalse(WebhookReceiver.verifies(SECRET, body.replace("1", "2"), headers));
    }

    @Test
    void refusesToSignWithoutASecret() {
        assertThrows(IllegalArgumentException.class, () -> WebhookSigner.signature(List.of(), "evt_1", 1, new byte[0]));
    }

    @Test
    void writesTheEventWithItsFieldsInOrderAndAStableId() {
        Instant at = Instant.parse("2026-03-02T09:15:30.123Z");
        SessionRecord session = new SessionRecord("4d0c6a8e-1f0b-4a53-9b43-6f1f7d2a9c11", "everyone", "shop-backend",
                "order-1", List.of("LD"), List.of(), at, at, SessionStatus.EXPIRED, "abandoned", "https://shop.example.com/", "ru",
                at, at, null, false, Decision.DECLINED, List.of("expired"), 3, null, null, null,
                java.util.Map.of("orderId", "A-1", "channel", "web"));

        WebhookEvent event = WebhookEvents.of(session);

        assertEquals(WebhookEvents.eventId(session.sessionId(), WebhookEvent.EXPIRED), event.id());
        assertEquals(36, event.id().length());
        assertEquals("{\"id\":\"" + event.id() + "\",\"type\":\"session.expired\",\"sessionId\":\""
                + session.sessionId() + "\",\"reference\":\"order-1\",\"status\":\"EXPIRED\",\"statusReason\":\"abandoned\",\"decision\":"
                + "{\"outcome\":\"declined\",\"reasons\":[\"expired\"]},\"occurredAt\":\"2026-03-02T09:15:30.123Z\","
                + "\"metadata\":{\"channel\":\"web\",\"orderId\":\"A-1\"}}",
                new String(WebhookEvents.body(event), StandardCharsets.UTF_8));
    }
}
