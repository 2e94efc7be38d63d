package io.flowgate.functions;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowgate.flow.callback.StateCheck;
import io.flowgate.flow.callback.StateTokens;
import io.flowgate.sandbox.Endpoint;
import io.flowgate.sandbox.RecordedRequest;
import io.flowgate.sandbox.Sandbox;
import io.flowgate.store.InMemorySessionStore;
import io.flowgate.store.SessionRecord;
import io.flowgate.store.SessionStatus;
import io.flowgate.testsupport.FakeIins;
import io.flowgate.testsupport.TestImages;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * createSession through the Lambda mock event server, against the sandbox vendor: each metadata
 * case of the vendor's reference, asserting the exact request the vendor received.
 */
@QuarkusTest
class CreateSessionMetadataTest {

    static final String INDIVIDUALS_KEY = "sandbox-individuals-0000000000000000000000000000000000";
    static final String EVERYONE_KEY = "sandbox-everyone-00000000000000000000000000000000000000";

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Sandbox sandbox;

    @Inject
    InMemorySessionStore store;

    @Inject
    StateTokens stateTokens;

    @ConfigProperty(name = "flowgate.upstream.flow-url")
    String flowUrl;

    @ConfigProperty(name = "flowgate.public-base-url")
    String publicBaseUrl;

    @Test
    void sendsNoMetadataWhenTheCallerGivesNone() throws Exception {
        ExtractableResponse<Response> created = create(Map.of("flow", "everyone"));

        created.response().then().body("technologies", contains("LDHP", "F2F"));
        assertUpstreamBody("{\"api_key\":\"" + EVERYONE_KEY + "\"}");
    }

    @Test
    void sendsAFlowCreateRequestToThePathWithItsTrailingSlashAsJson() {
        create(Map.of("flow", "everyone"));

        RecordedRequest request = sandbox.lastRequest(Endpoint.CREATE).orElseThrow();
        assertEquals("POST", request.method());
        assertEquals("/api/v1/flows/session/create/", request.path());
        assertTrue(request.contentType().orElseThrow().startsWith("application/json"));
        assertEquals(1, sandbox.recordedRequests().size());
    }

    @Test
    void skipsTheDataEntryStepWhenBothValuesAreGivenAndLocked() throws Exception {
        String iin = FakeIins.valid(1);
        create(Map.of("flow", "individuals", "prefill", Map.of(
                "iin", Map.of("value", iin, "changeable", false),
                "phone", Map.of("value", "+7 700 000 00 01", "changeable", false),
                "skipInput", true)));

        assertUpstreamBody("{\"api_key\":\"" + INDIVIDUALS_KEY + "\",\"metadata\":{\"edocument\":{"
                + "\"iin\":{\"value\":\"" + iin + "\",\"changeable\":false},"
                + "\"phone\":{\"value\":\"+77000000001\",\"changeable\":false},"
                + "\"skip_input\":true}}}");
    }

    @Test
    void prefillsWithTheIinLockedAndThePhoneEditable() throws Exception {
        String iin = FakeIins.valid(2);
        create(Map.of("flow", "individuals", "prefill", Map.of(
                "iin", Map.of("value", iin, "changeable", false),
                "phone", Map.of("value", "87000000002"))));

        assertUpstreamBody("{\"api_key\":\"" + INDIVIDUALS_KEY + "\",\"metadata\":{\"edocument\":{"
                + "\"iin\":{\"value\":\"" + iin + "\",\"changeable\":false},"
                + "\"phone\":{\"value\":\"+77000000002\"}}}}");
    }

    @Test
    void prefillsBothEditableWhenChangeableIsNotGiven() throws Exception {
        String iin = FakeIins.valid(3);
        create(Map.of("flow", "individuals", "prefill", Map.of(
                "iin", Map.of("value", iin),
                "phone", Map.of("value", "7000000003"))));

        assertUpstreamBody("{\"api_key\":\"" + INDIVIDUALS_KEY + "\",\"metadata\":{\"edocument\":{"
                + "\"iin\":{\"value\":\"" + iin + "\"},"
                + "\"phone\":{\"value\":\"+77000000003\"}}}}");
    }

    @Test
    void sendsTheReferencePhotoForFaceToFace() throws Exception {
        String photo = TestImages.pngBase64();
        create(Map.of("flow", "everyone", "prefill", Map.of("photo", "data:image/png;base64," + photo)));

        assertUpstreamBody("{\"api_key\":\"" + EVERYONE_KEY + "\",\"metadata\":{\"face2face\":{\"photo1\":\""
                + photo + "\"}}}");
    }

    @Test
    void sendsInterchangeableTechnologiesAndKeepsThemAsOneGroup() throws Exception {
        ExtractableResponse<Response> created = create(Map.of("flow", "individuals", "interchangeableTech",
                List.of("LD", "LDHP")));

        assertUpstreamBody("{\"api_key\":\"" + INDIVIDUALS_KEY + "\",\"metadata\":{\"general\":"
                + "{\"interchangeable_tech\":[\"LD\",\"LDHP\"]}}}");
        assertEquals(List.of(List.of("LD", "LDHP")),
                store.find(created.path("sessionId")).orElseThrow().interchangeableTech());
    }

    @Test
    void keepsNoGroupWhenNoInterchangeableTechnologiesAreGiven() {
        ExtractableResponse<Response> created = create(Map.of("flow", "individuals"));

        assertEquals(List.of(), store.find(created.path("sessionId")).orElseThrow().interchangeableTech());
    }

    @Test
    void answersWithTheSessionAndAVerificationUrlWhoseStateNamesIt() {
        ExtractableResponse<Response> created = create(Map.of("flow", "individuals", "locale", "en"));
        String sessionId = created.path("sessionId");

        URI verification = URI.create(created.path("verificationUrl"));
        assertEquals(flowUrl + "/" + sessionId, verification.getScheme() + "://"
                + verification.getAuthority() + verification.getPath());
        Map<String, String> query = query(verification.getRawQuery());
        assertEquals("en", query.get("locale"));
        String redirect = query.get("redirect");
        assertTrue(redirect.startsWith(publicBaseUrl + "/callback?state="), redirect);
        String state = URLDecoder.decode(redirect.substring(redirect.indexOf("state=") + 6), StandardCharsets.UTF_8);
        StateCheck.Valid valid = assertInstanceOf(StateCheck.Valid.class, stateTokens.verify(state));
        assertEquals(sessionId, valid.sessionId());

        SessionRecord record = store.find(sessionId).orElseThrow();
        assertEquals(record.expiresAt(), Instant.parse(created.path("expiresAt")));
        assertEquals(Duration.ofMinutes(10), Duration.between(record.createdAt(), record.expiresAt()));
        assertEquals(record.expiresAt().plus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.SECONDS), valid.expiresAt());
    }

    @Test
    void storesTheSessionWithoutPersonalData() {
        String iin = FakeIins.valid(4);
        ExtractableResponse<Response> created = create(Map.of("flow", "individuals", "reference", "order-1001",
                "returnUrl", "https://shop.example.com/kyc/done", "prefill", Map.of(
                        "iin", Map.of("value", iin), "phone", Map.of("value", "+77000000004"))));

        SessionRecord record = store.find(created.path("sessionId")).orElseThrow();
        assertEquals("individuals", record.flow());
        assertEquals("order-1001", record.reference());
        assertEquals(List.of("LD", "ED", "F2F"), record.technologies());
        assertEquals(SessionStatus.CREATED, record.status());
        assertEquals("https://shop.example.com/kyc/done", record.returnUrl());
        assertEquals("ru", record.locale());
        assertFalse(record.toString().contains(iin));
        assertFalse(record.toString().contains("7000000004"));
    }

    @Test
    void leadsToTheSandboxFlowPage() {
        ExtractableResponse<Response> created = create(Map.of("flow", "individuals", "locale", "en"));

        given().redirects().follow(false)
                .when().get(URI.create(created.path("verificationUrl")))
                .then().statusCode(200)
                .contentType(ContentType.HTML)
                .body(org.hamcrest.Matchers.containsString("name=\"LD\""))
                .body(org.hamcrest.Matchers.containsString("name=\"ED\""))
                .body(org.hamcrest.Matchers.containsString("name=\"F2F\""));
    }

    static ExtractableResponse<Response> create(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/createSession")
                .then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("sessionId", matchesPattern("[0-9a-f-]{36}"))
                .extract();
    }

    private void assertUpstreamBody(String expectedJson) throws Exception {
        RecordedRequest request = sandbox.lastRequest(Endpoint.CREATE).orElseThrow();
        JsonNode sent = JSON.readTree(request.body());
        assertEquals(JSON.readTree(expectedJson), sent);
        assertNull(findNull(sent), "no field is sent as null");
    }

    private static String findNull(JsonNode node) {
        if (node.isNull()) {
            return "null";
        }
        for (JsonNode child : node) {
            String found = findNull(child);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> params = new java.util.LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }
}
