package io.flowgate.packaging;

import static io.flowgate.journey.Journeys.arriveAtCallback;
import static io.flowgate.journey.Journeys.collectResult;
import static io.flowgate.journey.Journeys.createSession;
import static io.flowgate.journey.Journeys.getResult;
import static io.flowgate.journey.Journeys.query;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.testsupport.TestCallers;
import io.flowgate.testsupport.lambda.ApiGatewayEvents;
import io.flowgate.testsupport.lambda.StubVendor;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every function over HTTP through the Lambda event path, against a {@link StubVendor} (what a person
 * choosing "pass" gives), as the test caller (its token): createSession, the browser's callback (public),
 * getResult, collectResult, listSessions, the scheduled sweep, an unknown token and the problem answers. {@link FunctionsOverHttpTest} runs it in test mode (Quarkus' mock event
 * server), {@link PackagedFunctionsIT} on the packaged artifact as Lambda runs it.
 */
abstract class FunctionsOverHttpContract {

    static final String RETURN_URL = "https://shop.example.com/kyc/done";

    /**
     * The configuration both runs give the application besides the vendor's URLs: the decision rule of the
     * flow {@code individuals} fits the stub vendor's result, and the sweep takes sessions of any age.
     */
    static final Map<String, String> CONFIGURATION = Map.of(
            "flowgate.flows.individuals.decision.approve-when",
            "/liveness_result/is_live == true,/face2face_result/similarity >= 0.8",
            "flowgate.return-url.allowed", "https://shop.example.com/kyc/",
            "flowgate.sweep.older-than", "0S");

    /** The vendor the application under test calls. */
    abstract StubVendor vendor();

    /** {@code flowgate.public-base-url}: where the browser comes back. */
    abstract String publicBaseUrl();

    /** Sends a raw Lambda event (not an HTTP request) to the function; answers the function's response. */
    abstract String invoke(String event) throws Exception;

    @AfterEach
    void vendorWorksAgain() {
        vendor().failCreationWith(0);
    }

    @Test
    void createsASessionAtTheVendorAndAnswersWhereToSendTheBrowser() {
        String reference = reference();
        Response created = createSession(request(reference));

        String sessionId = created.path("sessionId");
        assertTrue(vendor().sessions().contains(sessionId), "the vendor created " + sessionId);
        assertEquals(List.of("LD", "F2F"), created.path("technologies"));
        URI verification = URI.create(created.path("verificationUrl"));
        assertEquals(vendor().flowUrl() + "/" + sessionId, verification.getScheme() + "://" + verification.getAuthority()
                + verification.getPath());
        assertTrue(query(verification.getRawQuery()).get("redirect")
                .startsWith(publicBaseUrl() + "/callback?state=v1."), verification.toString());
        assertEquals("en", query(verification.getRawQuery()).get("locale"));
        getResult("{\"reference\":\"" + reference + "\"}").then().statusCode(200)
                .body("sessionId", equalTo(sessionId))
                .body("status", equalTo("CREATED"))
                .body("decision", nullValue());
    }

    @Test
    void refusesAnUnknownFlowWithAProblemAndCallsNoVendor() {
        int calls = vendor().createCalls();

        given().contentType(ContentType.JSON).body("{\"flow\":\"corporate\",\"reference\":\"" + reference() + "\"}")
                .when().post("/createSession")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:flowgate:problem:unknown_flow"))
                .body("status", equalTo(400))
                .body("code", equalTo("unknown_flow"))
                .body("field", equalTo("flow"));
        assertEquals(calls, vendor().createCalls());
    }

    @Test
    void answers503WithRetryAfterWhenTheVendorFailsAndStoresNothing() {
        String reference = reference();
        vendor().failCreationWith(503);

        given().contentType(ContentType.JSON).body(request(reference))
                .when().post("/createSession")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("code", equalTo("upstream_unavailable"));
        getResult("{\"reference\":\"" + reference + "\"}").then().statusCode(404)
                .body("code", equalTo("session_not_found"));
    }

    @Test
    void callbackCollectsTheResultAndSendsTheBrowserToTheReturnUrl() {
        Response created = createSession(request(reference()));
        String sessionId = created.path("sessionId");
        int results = vendor().resultCalls();

        Response back = arriveAtCallback(callbackOf(created));

        back.then().statusCode(303);
        assertEquals(RETURN_URL + "?session_id=" + sessionId + "&status=completed", back.header("Location"));
        assertEquals(results + 1, vendor().resultCalls());
        getResult("{\"sessionId\":\"" + sessionId + "\"}").then().statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("decision.outcome", equalTo("approved"))
                .body("decision.reasons", equalTo(List.of("/liveness_result/is_live == true",
                        "/face2face_result/similarity >= 0.8")))
                .body("technologies.code", equalTo(List.of("LD", "F2F")))
                .body("technologies.resultReceived", equalTo(List.of(true, true)));
    }

    @Test
    void callbackRefusesATamperedStateWith400AndCollectsNothing() {
        Response created = createSession(request(reference()));
        String sessionId = created.path("sessionId");
        URI callback = callbackOf(created);
        String state = query(callback.getRawQuery()).get("state");
        String tampered = state.substring(0, state.length() - 1) + (state.endsWith("A") ? "B" : "A");
        int results = vendor().resultCalls();

        Response refused = given().redirects().follow(false).queryParam("state", tampered).when().get("/callback");

        refused.then().statusCode(400).contentType(ContentType.HTML);
        assertFalse(refused.asString().contains(sessionId));
        assertEquals(results, vendor().resultCalls());
        getResult("{\"sessionId\":\"" + sessionId + "\"}").then().statusCode(200).body("status", equalTo("CREATED"));
    }

    @Test
    void getResultFindsASessionByIdAndByReference() {
        String reference = reference();
        String sessionId = createSession(request(reference)).path("sessionId");

        getResult("{\"sessionId\":\"" + sessionId + "\"}").then().statusCode(200)
                .body("reference", equalTo(reference))
                .body("flow", equalTo("individuals"));
        getResult("{\"reference\":\"" + reference + "\"}").then().statusCode(200)
                .body("sessionId", equalTo(sessionId));
        getResult("{\"sessionId\":\"" + UUID.randomUUID() + "\"}").then().statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("session_not_found"));
    }

    @Test
    void listSessionsAnswersTheCallersSessionsNewestFirstAPageAtATimeWithTheirMetadata() {
        String since = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString();
        List<String> created = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(createSession("{\"flow\":\"individuals\",\"reference\":\"" + reference()
                    + "\",\"metadata\":{\"n\":\"" + i + "\"}}").path("sessionId"));
        }
        String filter = "\"flow\":\"individuals\",\"createdAfter\":\"" + since + "\",\"limit\":2";

        Response first = given().contentType(ContentType.JSON).body("{" + filter + "}").post("/listSessions");
        first.then().statusCode(200)
                .body("sessions.sessionId", equalTo(List.of(created.get(2), created.get(1))))
                .body("sessions[0].metadata.n", equalTo("2"));
        given().contentType(ContentType.JSON)
                .body("{" + filter + ",\"pageToken\":\"" + first.path("nextPageToken") + "\"}").post("/listSessions")
                .then().statusCode(200)
                .body("sessions.sessionId", equalTo(List.of(created.get(0))))
                .body("nextPageToken", nullValue());
        given().contentType(ContentType.JSON).body("{\"status\":\"done\"}").post("/listSessions")
                .then().statusCode(400).contentType("application/problem+json").body("code", equalTo("invalid_status"));
    }

    @Test
    void collectResultFetchesTheResultFromTheVendor() {
        String sessionId = createSession(request(reference())).path("sessionId");

        collectResult(sessionId).then().statusCode(200)
                .body("sessionId", equalTo(sessionId))
                .body("status", equalTo("COMPLETED"))
                .body("decision.outcome", equalTo("approved"));
    }

    @Test
    void theSweepCollectsAnAbandonedSession() throws Exception {
        String sessionId = createSession(request(reference())).path("sessionId");

        String answer = invoke(ApiGatewayEvents.jsonRequest("/sweep", "{}", Map.of("authorization",
                List.of(TestCallers.bearer(TestCallers.TOKEN)))));

        ApiGatewayEvents.Answer report = ApiGatewayEvents.answer(answer);
        assertEquals(200, report.status(), answer);
        JsonNode counts = report.json();
        assertTrue(counts.path("completed").asInt() >= 1, answer);
        assertEquals(0, counts.path("failed").asInt(), answer);
        getResult("{\"sessionId\":\"" + sessionId + "\"}").then().statusCode(200).body("status", equalTo("COMPLETED"));
    }

    @Test
    void refusesAnUnknownTokenWith401AndCallsNoVendor() {
        int calls = vendor().createCalls();

        given().header("Authorization", "Bearer not-a-token-of-any-caller").contentType(ContentType.JSON)
                .body(request(reference()))
                .when().post("/createSession")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("code", equalTo("unauthorized"));
        assertEquals(calls, vendor().createCalls());
    }

    @Test
    void answersEveryErrorAsProblemJson() {
        given().contentType(ContentType.JSON).body("{\"flow\":")
                .when().post("/getResult")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:flowgate:problem:malformed_request"))
                .body("title", equalTo("Invalid request"))
                .body("status", equalTo(400))
                .body("code", equalTo("malformed_request"));
        given().when().get("/no-such-function")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("not_found"));
    }

    private static String request(String reference) {
        return "{\"flow\":\"individuals\",\"reference\":\"" + reference + "\",\"locale\":\"en\",\"returnUrl\":\""
                + RETURN_URL + "\"}";
    }

    private static String reference() {
        return "it-" + UUID.randomUUID();
    }

    /** Where the vendor sends the browser back: the verification URL's {@code redirect}. */
    private static URI callbackOf(Response created) {
        URI verification = URI.create(created.path("verificationUrl"));
        return URI.create(query(verification.getRawQuery()).get("redirect"));
    }
}
