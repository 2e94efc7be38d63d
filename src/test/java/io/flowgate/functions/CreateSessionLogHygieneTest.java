package io.flowgate.functions;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowgate.sandbox.Endpoint;
import io.flowgate.sandbox.Fault;
import io.flowgate.sandbox.Sandbox;
import io.flowgate.testsupport.FakeIins;
import io.flowgate.testsupport.LogCapture;
import io.flowgate.testsupport.PersonalDigits;
import io.flowgate.testsupport.TestImages;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Runs createSession down every path, good and bad, and checks that no log line and no response
 * holds an API key, the state secret, the IIN, the phone (nor any run of 4 of their digits) or the photo.
 */
@QuarkusTest
class CreateSessionLogHygieneTest {

    private static final String IIN = FakeIins.valid(77);
    private static final String BAD_IIN = FakeIins.withWrongCheckDigit(77);
    private static final String PHONE_DIGITS = "7000000077";
    private static final String PHOTO = TestImages.jpegBase64();

    @Inject
    Sandbox sandbox;

    @ConfigProperty(name = "flowgate.state-secret")
    String stateSecret;

    @Test
    void keepsSecretsAndPersonalDataOutOfLogsAndResponses() {
        List<String> responses = new ArrayList<>();
        String prefill = "\"prefill\":{\"iin\":{\"value\":\"" + IIN + "\",\"changeable\":false},"
                + "\"phone\":{\"value\":\"+7 " + PHONE_DIGITS + "\",\"changeable\":false},"
                + "\"skipInput\":true,\"photo\":\"" + PHOTO + "\"}";
        try (LogCapture logs = LogCapture.install()) {
            responses.add(post("{\"flow\":\"individuals\",\"reference\":\"order-77\"," + prefill + "}", 200));
            responses.add(post("{\"flow\":\"revoked\"," + prefill + "}", 502));
            sandbox.injectNext(Endpoint.CREATE, 1, Fault.status(400, "IIN " + IIN + " phone +" + PHONE_DIGITS + " refused"));
            responses.add(post("{\"flow\":\"individuals\"," + prefill + "}", 422));
            sandbox.injectNext(Endpoint.CREATE, 1, Fault.delay(Duration.ofSeconds(3)));
            responses.add(post("{\"flow\":\"individuals\"," + prefill + "}", 504));
            sandbox.injectNext(Endpoint.CREATE, 1, Fault.malformedJson());
            responses.add(post("{\"flow\":\"individuals\"," + prefill + "}", 502));
            responses.add(post("{\"flow\":\"individuals\",\"prefill\":{\"iin\":{\"value\":\"" + BAD_IIN + "\"}}}", 400));
            responses.add(post("{\"flow\":\"individuals\",\"prefill\":{\"skipInput\":\"" + IIN + "\"}}", 400));
            responses.add(post("{\"flow\":\"individuals\",\"prefill\":{\"phone\":{\"value\":\"+1" + PHONE_DIGITS + "\"}}}", 400));
            responses.add(post("{\"flow\":\"individuals\",\"" + IIN + "\":true}", 400));
            responses.add(post("{\"flow\":\"individuals\",\"iin\":\"" + IIN + "\"", 400));

            String logged = logs.text();
            assertTrue(logged.contains("session.created"), "the capture sees the application's logs");
            assertFree(logged, "logs");
            PersonalDigits.assertNoRunOf(logged, IIN, "the logs");
            PersonalDigits.assertNoRunOf(logged, BAD_IIN, "the logs");
            PersonalDigits.assertNoRunOf(logged, PHONE_DIGITS, "the logs");
        }
        assertFree(String.join("\n", responses), "responses");
    }

    @Test
    void keepsTheMetadataOutOfTheLogsAndAwayFromTheVendor() {
        String value = "meta-value-7f3a9c";
        try (LogCapture logs = LogCapture.install()) {
            post("{\"flow\":\"everyone\",\"reference\":\"order-m1\",\"metadata\":{\"orderId\":\"" + value + "\"}}", 200);
            String refused = post("{\"flow\":\"everyone\",\"metadata\":{\"orderId\":\"" + value + "x".repeat(500)
                    + "\"}}", 400);

            assertTrue(refused.contains("orderId"), "the refusal names the key");
            assertFalse(refused.contains(value), "never the value");
            assertTrue(logs.text().contains("session.created"), "the capture sees the application's logs");
            assertFalse(logs.text().contains(value), "the metadata in the logs");
        }
        assertEquals(1, sandbox.recordedRequests().size());
        assertFalse(sandbox.recordedRequests().get(0).body().contains(value), "the metadata is not sent to the vendor");
    }

    private void assertFree(String text, String where) {
        for (String key : List.of(CreateSessionMetadataTest.INDIVIDUALS_KEY, CreateSessionUpstreamFailureTest.REVOKED_KEY)) {
            assertFalse(text.contains(key), "an API key in the " + where);
        }
        assertFalse(text.contains(stateSecret), "the state secret in the " + where);
        assertFalse(text.contains(IIN), "the IIN in the " + where);
        assertFalse(text.contains(BAD_IIN), "the mistyped IIN in the " + where);
        assertFalse(text.contains(PHONE_DIGITS), "the phone in the " + where);
        assertFalse(text.contains(PHOTO.substring(0, 40)), "the photo in the " + where);
        assertFalse(text.contains("order-77"), "the unmasked reference in the " + where);
    }

    private static String post(String body, int expectedStatus) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/createSession")
                .then().statusCode(expectedStatus)
                .extract().asString();
    }
}
