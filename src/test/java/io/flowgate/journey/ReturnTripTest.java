package io.flowgate.journey;

import static io.flowgate.journey.Journeys.arriveAtCallback;
import static io.flowgate.journey.Journeys.collectResult;
import static io.flowgate.journey.Journeys.createSession;
import static io.flowgate.journey.Journeys.getResult;
import static io.flowgate.journey.Journeys.passFlow;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowgate.sandbox.Endpoint;
import io.flowgate.sandbox.Outcome;
import io.flowgate.sandbox.Sandbox;
import io.flowgate.store.InMemorySessionStore;
import io.flowgate.testsupport.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** The whole return trip: created, passed at the sandbox vendor, back on the callback, read with getResult. */
@QuarkusTest
class ReturnTripTest {

    private static final String RETURN_URL = "https://shop.example.com/kyc/done?order=1001";

    @Inject
    Sandbox sandbox;

    @Inject
    InMemorySessionStore store;

    @Inject
    MutableClock clock;

    @Inject
    io.flowgate.flow.callback.StateTokens stateTokens;

    @Test
    void completesWhenEveryTechnologyPassesAndApprovesByTheFlowsRules() {
        Response created = createSession("{\"flow\":\"legal-entities\",\"reference\":\"order-1001\",\"locale\":\"en\","
                + "\"returnUrl\":\"" + RETURN_URL + "\"}");
        String sessionId = created.path("sessionId");

        URI callback = passFlow(created.path("verificationUrl"), Map.of("LD", "pass", "DR", "pass", "F2F", "pass"));
        assertEquals("/callback", callback.getPath());
        Response back = arriveAtCallback(callback);

        back.then().statusCode(303);
        assertEquals(RETURN_URL + "&session_id=" + sessionId + "&status=completed", back.header("Location"));
        getResult("{\"reference\":\"order-1001\"}").then().statusCode(200)
                .body("sessionId", equalTo(sessionId))
                .body("status", equalTo("COMPLETED"))
                .body("technologies.code", contains("LD", "DR", "F2F"))
                .body("technologies.resultReceived", contains(true, true, true))
                .body("decision.outcome", equalTo("approved"))
                .body("decision.reasons", contains("/liveness_result/is_live == true", "/face2face_result/similarity >= 0.8"))
                .body("document.lastName", equalTo("SANDBOXOV"))
                .body("document.dateOfBirth", matchesPattern("\\d{4}-\\d{2}-\\d{2}"))
                .body("completedAt", notNullValue())
                .body("raw", nullValue());
    }

    @Test
    void declinesWhenTheFaceDoesNotMatch() {
        Response created = createSession("{\"flow\":\"legal-entities\",\"returnUrl\":\"" + RETURN_URL + "\"}");

        arriveAtCallback(passFlow(created.path("verificationUrl"), Map.of("LD", "pass", "DR", "pass", "F2F", "fail")))
                .then().statusCode(303);

        getResult("{\"sessionId\":\"" + created.path("sessionId") + "\"}").then()
                .body("status", equalTo("COMPLETED"))
                .body("decision.outcome", equalTo("declined"))
                .body("decision.reasons", contains("/face2face_result/is_same_person == false"));
    }

    @Test
    void givesTheRawResultOnlyWhenAsked() {
        Response created = createSession("{\"flow\":\"legal-entities\"}");
        String sessionId = created.path("sessionId");
        arriveAtCallback(passFlow(created.path("verificationUrl"), Map.of()));

        getResult("{\"sessionId\":\"" + sessionId + "\",\"includeRaw\":true}").then()
                .body("raw.liveness_result.is_live", equalTo(true))
                .body("raw.face2face_result.similarity", equalTo(0.93f))
                .body("raw.document_recognition_result.last_name", equalTo("SANDBOXOV"));
    }

    @Test
    void staysPendingWhileATechnologyIsMissingThenCompletesOnALaterCollection() {
        Response created = createSession("{\"flow\":\"legal-entities\",\"returnUrl\":\"" + RETURN_URL + "\"}");
        String sessionId = created.path("sessionId");

        Response back = arriveAtCallback(passFlow(created.path("verificationUrl"),
                Map.of("LD", "pass", "DR", "skip", "F2F", "pass")));
        assertEquals(RETURN_URL + "&session_id=" + sessionId + "&status=pending", back.header("Location"));
        getResult("{\"sessionId\":\"" + sessionId + "\"}").then()
                .body("status", equalTo("PENDING"))
                .body("technologies.resultReceived", contains(true, false, true))
                .body("decision", nullValue());

        sandbox.complete(sessionId, Map.of("LD", Outcome.PASS, "DR", Outcome.PASS, "F2F", Outcome.PASS));
        collectResult(sessionId).then().statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("decision.outcome", equalTo("approved"));
    }

    @Test
    void sendsTheBrowserOnAsPendingWhenTheVendorIsSlowerThanTheBudget() {
        Response created = createSession("{\"flow\":\"everyone\",\"returnUrl\":\"" + RETURN_URL + "\"}");
        String sessionId = created.path("sessionId");
        URI callback = passFlow(created.path("verificationUrl"), Map.of());
        sandbox.injectNext(Endpoint.RESULT, 1, io.flowgate.sandbox.Fault.delay(Duration.ofMillis(1500)));

        long started = System.nanoTime();
        Response back = arriveAtCallback(callback);

        assertEquals(RETURN_URL + "&session_id=" + sessionId + "&status=pending", back.header("Location"));
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofMillis(1450)) < 0,
                "the callback answered within its 1 s budget, before the vendor did");
    }

    @Test
    void sendsTheBrowserOnAsPendingWhenTheVendorFails() {
        Response created = createSession("{\"flow\":\"everyone\",\"returnUrl\":\"" + RETURN_URL + "\"}");
        String sessionId = created.path("sessionId");
        URI callback = passFlow(created.path("verificationUrl"), Map.of());
        sandbox.injectNext(Endpoint.RESULT, 3, io.flowgate.sandbox.Fault.status(500));

        assertEquals(RETURN_URL + "&session_id=" + sessionId + "&status=pending", arriveAtCallback(callback).header("Location"));
        assertEquals(RETURN_URL + "&session_id=" + sessionId + "&status=completed", arriveAtCallback(callback).header("Location"));
    }

    @Test
    void showsAStatusPageWhenThereIsNoReturnUrl() {
        Response created = createSession("{\"flow\":\"everyone\",\"locale\":\"en\"}");

        arriveAtCallback(passFlow(created.path("verificationUrl"), Map.of())).then()
                .statusCode(200)
                .contentType("text/html")
                .body(containsString("Verification complete"))
                .body(not(containsString((String) created.path("sessionId"))));
    }

    @Test
    void answersAReplayedCallbackTheSameWayWithoutAskingTheVendorAgain() {
        Response created = createSession("{\"flow\":\"everyone\",\"returnUrl\":\"" + RETURN_URL + "\"}");
        URI callback = passFlow(created.path("verificationUrl"), Map.of());
        String first = arriveAtCallback(callback).header("Location");
        long resultCalls = resultCalls();

        String again = arriveAtCallback(callback).header("Location");

        assertEquals(first, again);
        assertEquals(resultCalls, resultCalls());
    }

    @Test
    void refusesATamperedStateWithAPageAndNoData() {
        Response created = createSession("{\"flow\":\"everyone\",\"returnUrl\":\"" + RETURN_URL + "\"}");
        URI callback = passFlow(created.path("verificationUrl"), Map.of());
        String original = callback.toString();
        int first = original.indexOf("state=v1.") + "state=v1.".length();
        char changed = original.charAt(first) == '0' ? '1' : '0';
        String tampered = original.substring(0, first) + changed + original.substring(first + 1);

        arriveAtCallback(URI.create(tampered)).then()
                .statusCode(400)
                .contentType("text/html")
                .body(containsString("Ссылка недействительна"))
                .body(not(containsString("Exception")));
        assertEquals(0, resultCalls());
    }

    @Test
    void refusesAGenuineStateForASessionThatIsNotStored() {
        String state = stateTokens.issue("00000000-0000-4000-8000-00000000abcd", clock.instant().plus(Duration.ofMinutes(5)));

        arriveAtCallback(URI.create(ConfigProvider.getConfig().getValue("flowgate.public-base-url", String.class)
                + "/callback?state=" + state)).then()
                .statusCode(400)
                .contentType("text/html")
                .body(containsString("Ссылка недействительна"));
        assertEquals(0, resultCalls());
    }

    @Test
    void refusesAnExpiredStateWithAPageInTheSessionsLocale() {
        Response created = createSession("{\"flow\":\"everyone\",\"locale\":\"en\",\"returnUrl\":\"" + RETURN_URL + "\"}");
        URI callback = passFlow(created.path("verificationUrl"), Map.of());
        clock.advance(Duration.ofMinutes(16));

        arriveAtCallback(callback).then()
                .statusCode(410)
                .body(containsString("This link has expired"));
    }

    @Test
    void expiresAnAbandonedSessionOnTheSweep() {
        Response created = createSession("{\"flow\":\"individuals\"}");
        String sessionId = created.path("sessionId");
        clock.advance(Duration.ofMinutes(16));

        io.restassured.RestAssured.given().contentType("application/json").body("{}").post("/sweep").then()
                .statusCode(200)
                .body("examined", equalTo(1))
                .body("expired", equalTo(1));

        getResult("{\"sessionId\":\"" + sessionId + "\"}").then()
                .body("status", equalTo("EXPIRED"))
                .body("decision.outcome", equalTo("declined"))
                .body("technologies.resultReceived", contains(false, false, false));
    }

    @Test
    void completesOnTheSweepWhenTheBrowserNeverCameBack() {
        Response created = createSession("{\"flow\":\"everyone\"}");
        String sessionId = created.path("sessionId");
        sandbox.complete(sessionId, Map.of());
        clock.advance(Duration.ofMinutes(3));

        io.restassured.RestAssured.given().contentType("application/json").body("{}").post("/sweep").then()
                .body("completed", equalTo(1));
        getResult("{\"sessionId\":\"" + sessionId + "\"}").then().body("status", equalTo("COMPLETED"));
    }

    private long resultCalls() {
        return sandbox.recordedRequests().stream().filter(r -> r.path().equals(Endpoint.RESULT.path())).count();
    }
}
