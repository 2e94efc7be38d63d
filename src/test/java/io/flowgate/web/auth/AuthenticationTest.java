package io.flowgate.web.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowgate.sandbox.Sandbox;
import io.flowgate.store.InMemorySessionStore;
import io.flowgate.testsupport.LogCapture;
import io.flowgate.testsupport.TestCallers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Integrator-facing functions need a configured caller's token; the browser's callback does not. */
@QuarkusTest
class AuthenticationTest {

    private static final String CREATE_EVERYONE = "{\"flow\":\"everyone\",\"reference\":\"auth-1\"}";
    /** The one 401 answer, which differs only in the request id it repeats from its X-Request-Id. */
    private static String unauthorized(String requestId) {
        return "{\"type\":\"urn:flowgate:problem:unauthorized\",\"title\":\"Unauthorized\",\"status\":401,"
                + "\"detail\":\"Send a valid token as 'Authorization: Bearer <token>'.\",\"code\":\"unauthorized\","
                + "\"requestId\":\"" + requestId + "\"}";
    }

    @Inject
    Sandbox sandbox;

    @Inject
    InMemorySessionStore store;

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    @ParameterizedTest
    @ValueSource(strings = {"/createSession", "/getResult", "/collectResult", "/listFailedWebhooks", "/resendWebhook",
            "/cancelSession", "/resumeSession", "/listSessions", "/redactSession",
            "/reviewSession", "/no-such-function"})
    void refusesARequestWithoutATokenWithTheSame401Everywhere(String path) throws Exception {
        HttpResponse<String> answer = postWithoutToken(path, CREATE_EVERYONE);

        assertEquals(401, answer.statusCode());
        assertEquals("Bearer", answer.headers().firstValue("WWW-Authenticate").orElse(null));
        assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse(null));
        assertEquals(unauthorized(answer.headers().firstValue("X-Request-Id").orElseThrow()), answer.body());
        assertTrue(sandbox.recordedRequests().isEmpty());
        assertEquals(0, store.size());
        assertTrue(logs.text().contains("request.rejected status=401 code=unauthorized token=missing path=" + path),
                logs.text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer wrong-token", "Bearer ", "Basic Zmxvd2dhdGU6dGVzdA==", "flowgate-test-token",
            "Bearer flowgate-test-token-", "Bearer flowgate-test-toke"})
    void givesNoHintOfWhatWasWrongWithAToken(String authorization) {
        var answer = given().header("Authorization", authorization).contentType(ContentType.JSON).body(CREATE_EVERYONE)
                .when().post("/createSession")
                .then().statusCode(401).header("WWW-Authenticate", "Bearer")
                .extract();

        assertEquals(unauthorized(answer.header("X-Request-Id")), answer.asString());
        assertTrue(sandbox.recordedRequests().isEmpty());
        assertEquals(0, store.size());
        assertFalse(logs.text().contains("flowgate-test-toke"), "a presented token must never be logged");
    }

    @Test
    void acceptsTheSchemeInAnyCase() {
        given().header("Authorization", "bearer " + TestCallers.TOKEN).contentType(ContentType.JSON)
                .body(CREATE_EVERYONE)
                .when().post("/createSession")
                .then().statusCode(200);
    }

    @Test
    void answersAnUnknownPathWith404OnceAuthenticated() {
        given().contentType(ContentType.JSON).body("{}").when().post("/no-such-function")
                .then().statusCode(404).body("code", equalTo("not_found"));
    }

    @Test
    void letsTheBrowserReachTheCallbackWithoutAToken() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/callback?state=v1.tampered")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(400, answer.statusCode());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    }

    @Test
    void judgesAPathByWhatTheRouterMatchesNotByHowItIsSpelled() throws Exception {
        HttpResponse<String> answer = postWithoutToken("/callback/../createSession", CREATE_EVERYONE);

        assertEquals(401, answer.statusCode());
        assertTrue(sandbox.recordedRequests().isEmpty());
    }

    @Test
    void refusesAFlowTheCallerMayNotUseBeforeAskingTheVendor() {
        given().header("Authorization", TestCallers.bearer(TestCallers.LEGAL_ENTITIES_ONLY_TOKEN))
                .contentType(ContentType.JSON).body(CREATE_EVERYONE)
                .when().post("/createSession")
                .then().statusCode(403)
                .body("code", equalTo("flow_not_allowed"))
                .body("field", equalTo("flow"));

        assertTrue(sandbox.recordedRequests().isEmpty());
        assertEquals(0, store.size());
    }

    @Test
    void namesOnlyTheFlowsTheCallerMayUseWhenTheFlowIsUnknown() {
        given().header("Authorization", TestCallers.bearer(TestCallers.LEGAL_ENTITIES_ONLY_TOKEN))
                .contentType(ContentType.JSON).body("{\"flow\":\"nobody\"}")
                .when().post("/createSession")
                .then().statusCode(400)
                .body("code", equalTo("unknown_flow"))
                .body("detail", equalTo("No flow of that name is configured; flows this caller may use: [legal-entities]."));
    }

    @Test
    void letsACallerUseItsOwnFlow() {
        given().header("Authorization", TestCallers.bearer(TestCallers.LEGAL_ENTITIES_ONLY_TOKEN))
                .contentType(ContentType.JSON).body("{\"flow\":\"legal-entities\",\"reference\":\"auth-2\"}")
                .when().post("/createSession")
                .then().statusCode(200);

        given().header("Authorization", TestCallers.bearer(TestCallers.LEGAL_ENTITIES_ONLY_TOKEN))
                .contentType(ContentType.JSON).body("{\"reference\":\"auth-2\"}")
                .when().post("/getResult")
                .then().statusCode(200).body("flow", equalTo("legal-entities"));
    }

    @Test
    void hidesSessionsOfOtherFlowsAsNotFoundAndNeverCollectsThem() {
        String sessionId = given().contentType(ContentType.JSON).body(CREATE_EVERYONE)
                .when().post("/createSession")
                .then().statusCode(200).extract().path("sessionId");
        sandbox.reset();

        for (String body : List.of("{\"sessionId\":\"" + sessionId + "\",\"includeRaw\":true}",
                "{\"reference\":\"auth-1\"}")) {
            given().header("Authorization", TestCallers.bearer(TestCallers.LEGAL_ENTITIES_ONLY_TOKEN))
                    .contentType(ContentType.JSON).body(body)
                    .when().post("/getResult")
                    .then().statusCode(404).body("code", equalTo("session_not_found"));
        }
        given().header("Authorization", TestCallers.bearer(TestCallers.LEGAL_ENTITIES_ONLY_TOKEN))
                .contentType(ContentType.JSON).body("{\"sessionId\":\"" + sessionId + "\",\"includeRaw\":true}")
                .when().post("/collectResult")
                .then().statusCode(404).body("code", equalTo("session_not_found"));

        assertTrue(sandbox.recordedRequests().isEmpty(), "a hidden session is never collected");
    }

    /** The Lambda mock event server's address, as the test configuration gives it. */
    private static String baseUrl() {
        return ConfigProvider.getConfig().getValue("flowgate.public-base-url", String.class);
    }

    private static HttpResponse<String> postWithoutToken(String path, String body)
            throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
