package io.flowgate.readme;

import static io.flowgate.testsupport.WebhookReceiverResource.NEW_SECRET;
import static io.flowgate.testsupport.WebhookReceiverResource.OLD_SECRET;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.standardwebhooks.Webhook;
import io.flowgate.journey.WebhookProfile;
import io.flowgate.sandbox.Sandbox;
import io.flowgate.testsupport.WebhookReceiver.Received;
import io.flowgate.testsupport.WebhookReceiver;
import io.flowgate.testsupport.WebhookReceiverResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The webhook verification recipes of {@code docs/webhooks.md}, run as written against a delivery flowgate made:
 * the Java one is {@link FlowgateWebhooks} (the page shows this file's code), the Node.js one is taken from the
 * page and run with {@code node} and the npm package {@code standardwebhooks} of {@code src/test/webhook-recipe}.
 */
@QuarkusTest
@TestProfile(WebhookProfile.class)
class WebhookRecipesTest {

    static final Path WEBHOOKS_PAGE = Path.of("docs", "webhooks.md");
    static final Path JAVA_RECIPE = Path.of("src/test/java/io/flowgate/readme/FlowgateWebhooks.java");

    @Inject
    Sandbox sandbox;

    private final WebhookReceiver receiver = WebhookReceiverResource.receiver();

    @BeforeEach
    void reset() {
        receiver.reset();
    }

    @Test
    void theWebhooksPageShowsTheJavaRecipeThatIsTested() throws Exception {
        String tested = Files.readString(JAVA_RECIPE).replaceFirst("package io\\.flowgate\\.readme;\\n\\n", "");

        assertEquals(tested, ReadmeBlocks.after(WEBHOOKS_PAGE, "<!-- recipe: java"));
    }

    @Test
    void theJavaRecipeAcceptsARealDeliveryAndRejectsATamperedOne() throws Exception {
        Received delivery = aRealDelivery();
        FlowgateWebhooks withNew = new FlowgateWebhooks(NEW_SECRET);
        FlowgateWebhooks withOld = new FlowgateWebhooks(OLD_SECRET);

        assertTrue(withNew.isGenuine(delivery.bodyText(), delivery.headers()));
        assertTrue(withOld.isGenuine(delivery.bodyText(), delivery.headers()));
        assertFalse(withNew.isGenuine(tamperedBody(delivery), delivery.headers()));
        assertFalse(withNew.isGenuine(delivery.bodyText(), with(delivery, "webhook-signature", tamperedSignature(delivery))));
        assertFalse(withNew.isGenuine(delivery.bodyText(), stale(delivery)));
    }

    @Test
    void theNodeRecipeAcceptsARealDeliveryAndRejectsATamperedOne() throws Exception {
        Received delivery = aRealDelivery();
        try (NodeRecipe node = NodeRecipe.start(ReadmeBlocks.after(WEBHOOKS_PAGE, "<!-- recipe: node"),
                Map.of("FLOWGATE_WEBHOOK_SECRET", NEW_SECRET))) {

            assertEquals(204, node.post(delivery.bodyText(), delivery.headers()));
            String sessionId = delivery.bodyText().replaceAll(".*\"sessionId\":\"([^\"]+)\".*", "$1");
            assertEquals("session.completed " + sessionId + " COMPLETED", node.awaitLine(Duration.ofSeconds(5)));
            assertEquals(400, node.post(tamperedBody(delivery), delivery.headers()));
            assertEquals(400, node.post(delivery.bodyText(),
                    with(delivery, "webhook-signature", tamperedSignature(delivery))));
            assertEquals(400, node.post(delivery.bodyText(), stale(delivery)));
        }
    }

    /** A session of a flow with a webhook, completed; the delivery its receiver got. */
    private Received aRealDelivery() {
        String sessionId = given().contentType(ContentType.JSON).body("{\"flow\":\"everyone\"}")
                .when().post("/createSession").then().statusCode(200).extract().path("sessionId");
        sandbox.complete(sessionId, Map.of());
        given().contentType(ContentType.JSON).body("{\"sessionId\":\"" + sessionId + "\"}")
                .when().post("/collectResult").then().statusCode(200).body("status", equalTo("COMPLETED"));
        Received delivery = receiver.await(1, Duration.ofSeconds(5)).get(0);
        assertEquals(204, delivery.answer());
        return delivery;
    }

    private static String tamperedBody(Received delivery) {
        String tampered = delivery.bodyText().replace("\"COMPLETED\"", "\"EXPIRED\"");
        assertFalse(tampered.equals(delivery.bodyText()));
        return tampered;
    }

    /** The signatures with one character of each changed. */
    private static String tamperedSignature(Received delivery) {
        return delivery.header("webhook-signature").replace("v1,", "v1,A").replace("v1,AA", "v1,B");
    }

    /** The delivery as if replayed six minutes later: correctly signed, with a timestamp past the window. */
    private static Map<String, List<String>> stale(Received delivery) throws Exception {
        long sixMinutesAgo = Instant.now().minusSeconds(360).getEpochSecond();
        String signature = new Webhook(NEW_SECRET).sign(delivery.header("webhook-id"), sixMinutesAgo,
                delivery.bodyText());
        Map<String, List<String>> headers = with(delivery, "webhook-timestamp", Long.toString(sixMinutesAgo));
        headers.put("webhook-signature", List.of(signature));
        return headers;
    }

    private static Map<String, List<String>> with(Received delivery, String name, String value) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(delivery.headers());
        headers.put(name, List.of(value));
        return headers;
    }
}
