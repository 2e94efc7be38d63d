package io.flowgate.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowgate.testsupport.openapi.HttpExchange;
import io.flowgate.testsupport.openapi.OpenApiContract;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/openapi.yaml} itself: an OpenAPI 3.1 document whose every example is valid against its schema, and a
 * contract that refuses what it does not allow (so that {@link OwnApiContractTest} can fail).
 */
class OwnApiDocumentTest {

    private static final OpenApiContract CONTRACT = OpenApiContract.load(OpenApiContract.FLOWGATE);
    private static final String SESSION_ID = "3fa85f64-5717-4562-b3fc-2c963f66afa6";
    private static final Map<String, String> REQUEST_ID = Map.of("X-Request-Id", "c7ad5c3e-2b1f-4c43-9a0e-5d4e0b6f8a21");

    @Test
    void isAnOpenApi31Document() {
        assertEquals("3.1.0", CONTRACT.document().path("openapi").asText());
    }

    @Test
    void everyExampleIsValidAgainstItsSchema() {
        assertEquals(List.of(), CONTRACT.exampleViolations());
    }

    @Test
    void allowsAnAnswerAsDocumented() {
        assertEquals(List.of(), CONTRACT.responseViolations(getResult(), json(200,
                "{\"sessionId\":\"" + SESSION_ID + "\",\"flow\":\"everyone\",\"status\":\"CREATED\",\"technologies\":"
                        + "[{\"code\":\"LD\",\"resultReceived\":false},{\"code\":\"XX\",\"resultReceived\":null}],"
                        + "\"createdAt\":\"2026-12-04T18:00:00Z\",\"updatedAt\":\"2026-12-04T18:00:00.123Z\","
                        + "\"expiresAt\":\"2026-12-04T18:10:00Z\"}")));
    }

    @Test
    void refusesAnAnswerWithAFieldItDoesNotDocument() {
        assertViolation("getResult 200 body", CONTRACT.responseViolations(getResult(), json(200,
                "{\"sessionId\":\"" + SESSION_ID + "\",\"flow\":\"everyone\",\"status\":\"CREATED\",\"technologies\":[],"
                        + "\"createdAt\":\"2026-12-04T18:00:00Z\",\"updatedAt\":\"2026-12-04T18:00:00Z\","
                        + "\"expiresAt\":\"2026-12-04T18:10:00Z\",\"secret\":\"x\"}")));
    }

    @Test
    void refusesAFieldOfTheWrongTypeOrFormat() {
        assertViolation("getResult 200 body", CONTRACT.responseViolations(getResult(), json(200,
                "{\"sessionId\":\"" + SESSION_ID + "\",\"flow\":\"everyone\",\"status\":\"CREATED\",\"technologies\":"
                        + "[{\"code\":\"LD\",\"resultReceived\":\"yes\"}],\"createdAt\":\"2026-12-04T18:00:00Z\","
                        + "\"updatedAt\":\"2026-12-04T18:00:00Z\",\"expiresAt\":\"2026-12-04T18:10:00Z\"}")));
        assertViolation("getResult 200 body", CONTRACT.responseViolations(getResult(), json(200,
                "{\"sessionId\":\"" + SESSION_ID + "\",\"flow\":\"everyone\",\"status\":\"CREATED\",\"technologies\":[],"
                        + "\"createdAt\":\"yesterday\",\"updatedAt\":\"2026-12-04T18:00:00Z\","
                        + "\"expiresAt\":\"2026-12-04T18:10:00Z\"}")));
    }

    @Test
    void refusesAStatusAHeaderOrAMediaTypeItDoesNotDocument() {
        assertViolation("status 418 is not documented", CONTRACT.responseViolations(getResult(), json(418, "{}")));
        assertViolation("the required header X-Request-Id is missing", CONTRACT.responseViolations(getResult(),
                new HttpExchange.Response(404, Map.of(), "application/problem+json", bytes("{\"type\":"
                        + "\"urn:flowgate:problem:session_not_found\",\"title\":\"Session not found\",\"status\":404,"
                        + "\"code\":\"session_not_found\"}"))));
        assertViolation("media type text/plain is not documented", CONTRACT.responseViolations(getResult(),
                new HttpExchange.Response(200, REQUEST_ID, "text/plain", bytes("ok"))));
    }

    @Test
    void refusesARequestItDoesNotDocument() {
        assertViolation("no documented operation", CONTRACT.requestViolations(new HttpExchange.Request("POST",
                "/deleteEverything", Map.of(), Map.of("Authorization", "Bearer t"), "application/json", bytes("{}"))));
        assertViolation("createSession request body", CONTRACT.requestViolations(new HttpExchange.Request("POST",
                "/createSession", Map.of(), Map.of("Authorization", "Bearer t"), "application/json",
                bytes("{\"flow\":\"everyone\",\"colour\":\"red\"}"))));
        assertViolation("none of the documented security schemes", CONTRACT.requestViolations(new HttpExchange.Request(
                "POST", "/createSession", Map.of(), Map.of(), "application/json", bytes("{\"flow\":\"everyone\"}"))));
        assertViolation("the required query parameter 'state' is missing", CONTRACT.requestViolations(
                new HttpExchange.Request("GET", "/callback", Map.of(), Map.of(), null, null)));
        assertEquals(List.of(), CONTRACT.requestViolations(new HttpExchange.Request("GET", "/sessions/" + SESSION_ID
                + "/video", Map.of(), Map.of("X-Flowgate-Authorization", "Bearer t", "Authorization", "AWS4-HMAC-SHA256 …"),
                null, null)));
    }

    private static HttpExchange.Request getResult() {
        return new HttpExchange.Request("POST", "/getResult", Map.of(), Map.of("Authorization", "Bearer t"),
                "application/json", bytes("{\"sessionId\":\"" + SESSION_ID + "\"}"));
    }

    private static HttpExchange.Response json(int status, String body) {
        return new HttpExchange.Response(status, REQUEST_ID, "application/json", bytes(body));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void assertViolation(String expected, List<String> violations) {
        assertTrue(violations.stream().anyMatch(v -> v.contains(expected)), "expected '" + expected + "' in " + violations);
    }
}
