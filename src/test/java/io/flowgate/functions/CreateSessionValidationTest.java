package io.flowgate.functions;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flowgate.sandbox.Sandbox;
import io.flowgate.store.InMemorySessionStore;
import io.flowgate.testsupport.FakeIins;
import io.flowgate.testsupport.TestImages;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every request createSession refuses: 400 problem details, nothing sent upstream, nothing stored. */
@QuarkusTest
class CreateSessionValidationTest {

    private static final String IIN = FakeIins.valid(10);
    private static final String WRONG_CHECK_IIN = FakeIins.withWrongCheckDigit(10);

    @Inject
    Sandbox sandbox;

    @Inject
    InMemorySessionStore store;

    static Stream<Arguments> refusedRequests() {
        return Stream.of(
                refused("{}", "missing_field", "flow"),
                refused("{\"flow\":\"corporate\"}", "unknown_flow", "flow"),
                refused("{\"flow\":\"individuals\",\"prefill\":{\"iin\":{\"value\":\"12345678901\"}}}",
                        "invalid_iin", "prefill.iin.value"),
                refused("{\"flow\":\"individuals\",\"prefill\":{\"iin\":{\"value\":\"" + WRONG_CHECK_IIN + "\"}}}",
                        "invalid_iin", "prefill.iin.value"),
                refused("{\"flow\":\"individuals\",\"prefill\":{\"iin\":{\"changeable\":false}}}",
                        "missing_field", "prefill.iin.value"),
                refused("{\"flow\":\"individuals\",\"prefill\":{\"phone\":{\"value\":\"+1 202 555 0100\"}}}",
                        "invalid_phone", "prefill.phone.value"),
                refused("{\"flow\":\"individuals\",\"prefill\":{\"phone\":{\"value\":\"call me\"}}}",
                        "invalid_phone", "prefill.phone.value"),
                refused("{\"flow\":\"individuals\",\"prefill\":{\"iin\":{\"value\":\"" + IIN + "\",\"changeable\":false},"
                        + "\"phone\":{\"value\":\"+77000000010\"},\"skipInput\":true}}",
                        "skip_input_not_allowed", "prefill.skipInput"),
                refused("{\"flow\":\"individuals\",\"prefill\":{\"iin\":{\"value\":\"" + IIN + "\",\"changeable\":false},"
                        + "\"skipInput\":true}}", "skip_input_not_allowed", "prefill.skipInput"),
                refused("{\"flow\":\"everyone\",\"prefill\":{\"photo\":\"not*base64!\"}}",
                        "invalid_photo_encoding", "prefill.photo"),
                refused("{\"flow\":\"everyone\",\"prefill\":{\"photo\":\""
                        + Base64.getEncoder().encodeToString("GIF89a not a jpeg or png".getBytes()) + "\"}}",
                        "unsupported_photo_format", "prefill.photo"),
                refused("{\"flow\":\"everyone\",\"locale\":\"de\"}", "invalid_locale", "locale"),
                refused("{\"flow\":\"everyone\",\"returnUrl\":\"https://evil.example.org/kyc/\"}",
                        "return_url_not_allowed", "returnUrl"),
                refused("{\"flow\":\"everyone\",\"returnUrl\":\"http://shop.example.com/kyc/done\"}",
                        "return_url_not_https", "returnUrl"),
                refused("{\"flow\":\"everyone\",\"returnUrl\":\"javascript:alert(1)\"}",
                        "invalid_return_url", "returnUrl"),
                refused("{\"flow\":\"everyone\",\"returnUrl\":\"//evil.example.org/kyc/\"}",
                        "invalid_return_url", "returnUrl"),
                refused("{\"flow\":\"everyone\",\"reference\":\"" + "r".repeat(129) + "\"}",
                        "invalid_reference", "reference"),
                refused("{\"flow\":\"everyone\",\"reference\":\"order 1001\"}", "invalid_reference", "reference"),
                refused("{\"flow\":\"everyone\",\"reference\":\"order\u202e1001\"}", "invalid_reference", "reference"),
                refused("{\"flow\":\"everyone\",\"reference\":\"order\\n1001\"}", "invalid_reference", "reference"),
                refused("{\"flow\":\"everyone\",\"interchangeableTech\":[\"LD\",\"L D\"]}",
                        "invalid_interchangeable_tech", "interchangeableTech[1]"),
                refused("{\"flow\":\"everyone\",\"returnURL\":\"https://shop.example.com/kyc/\"}",
                        "unknown_field", "returnURL"),
                refused("{\"flow\":\"individuals\",\"prefill\":{\"skipInput\":\"yes\"}}",
                        "invalid_field_type", "prefill.skipInput"),
                refused("{\"flow\":[\"individuals\"]}", "invalid_field_type", "flow"),
                refused("{\"flow\":\"everyone\",\"" + IIN + "\":true}", "unknown_field", "(unnamed)"),
                refused("[1,2]", "malformed_request", null),
                refused("{\"flow\":\"everyone\",\"metadata\":{" + java.util.stream.IntStream.range(0, 21)
                        .mapToObj(i -> "\"k" + i + "\":\"v\"").collect(java.util.stream.Collectors.joining(",")) + "}}",
                        "invalid_metadata", "metadata"),
                refused("{\"flow\":\"everyone\",\"metadata\":{\"order id\":\"1\"}}", "invalid_metadata", "metadata"),
                refused("{\"flow\":\"everyone\",\"metadata\":{\"" + "k".repeat(41) + "\":\"1\"}}",
                        "invalid_metadata", "metadata"),
                refused("{\"flow\":\"everyone\",\"metadata\":{\"\":\"1\"}}", "invalid_metadata", "metadata"),
                refused("{\"flow\":\"everyone\",\"metadata\":{\"note\":\"" + (IIN + " ").repeat(42) + "\"}}",
                        "invalid_metadata", "metadata.note"),
                refused("{\"flow\":\"everyone\",\"metadata\":{\"note\":null}}", "invalid_metadata", "metadata.note"),
                refused("{\"flow\":\"everyone\",\"metadata\":{\"note\":{\"a\":1}}}", "invalid_metadata",
                        "metadata.note"),
                refused("{\"flow\":\"everyone\",\"metadata\":{\"count\":5}}", "invalid_metadata", "metadata.count"),
                refused("{\"flow\":\"everyone\",\"metadata\":{\"on\":true}}", "invalid_metadata", "metadata.on"),
                refused("{\"flow\":\"everyone\",\"metadata\":[\"a\"]}", "invalid_field_type", "metadata"));
    }

    @ParameterizedTest(name = "{1} on {2}: {0}")
    @MethodSource("refusedRequests")
    void refusesWithProblemDetailsAndDoesNothing(String body, String code, String field) {
        given().contentType(ContentType.JSON).body(body)
                .when().post("/createSession")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("code", equalTo(code))
                .body("type", equalTo("urn:flowgate:problem:" + code))
                .body("title", equalTo("Invalid request"))
                .body("field", equalTo(field))
                .body("detail", not(containsString(IIN)))
                .body("detail", not(containsString(WRONG_CHECK_IIN)));

        assertEquals(0, sandbox.recordedRequests().size(), "nothing sent upstream");
        assertEquals(0, store.size(), "nothing stored");
    }

    @Test
    void refusesABodyThatIsNotJson() {
        given().contentType(ContentType.JSON).body("{\"flow\": ")
                .when().post("/createSession")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("malformed_request"));
        assertEquals(0, sandbox.recordedRequests().size());
    }

    @Test
    void refusesAnEmptyBody() {
        given().contentType(ContentType.JSON)
                .when().post("/createSession")
                .then().statusCode(400)
                .body("code", equalTo("missing_body"));
    }

    @Test
    void refusesAPhotoOverTheLimitWithoutEchoingIt() {
        byte[] large = new byte[5 * 1024 * 1024 + 1];
        byte[] png = Base64.getDecoder().decode(TestImages.pngBase64());
        System.arraycopy(png, 0, large, 0, png.length);
        given().contentType(ContentType.JSON)
                .body("{\"flow\":\"everyone\",\"prefill\":{\"photo\":\"" + Base64.getEncoder().encodeToString(large) + "\"}}")
                .when().post("/createSession")
                .then().statusCode(400)
                .body("code", equalTo("photo_too_large"))
                .body("field", equalTo("prefill.photo"));
        assertEquals(0, sandbox.recordedRequests().size());
    }

    @Test
    void refusesABodyOverTheSizeLimit() {
        given().contentType(ContentType.JSON)
                .body("{\"flow\":\"everyone\",\"reference\":\"" + "x".repeat(9 * 1024 * 1024) + "\"}")
                .when().post("/createSession")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("code", equalTo("body_too_large"));
        assertEquals(0, sandbox.recordedRequests().size());
    }

    @Test
    void answersAnUnknownFunctionWithProblemDetails() {
        given().contentType(ContentType.JSON).body("{}")
                .when().post("/createSessions")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("not_found"));
    }

    @Test
    void answersAWrongMethodWithProblemDetails() {
        given().when().get("/callback/extra")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("not_found"));
        given().contentType(ContentType.JSON).body("{}")
                .when().post("/callback")
                .then().statusCode(405)
                .contentType("application/problem+json")
                .body("code", equalTo("method_not_allowed"));
    }

    private static Arguments refused(String body, String code, String field) {
        return Arguments.of(body, code, field);
    }
}
