package io.flowgate.journey;

import static io.flowgate.journey.Journeys.arriveAtCallback;
import static io.flowgate.journey.Journeys.collectResult;
import static io.flowgate.journey.Journeys.createSession;
import static io.flowgate.journey.Journeys.passFlow;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.flowgate.store.SessionRecord;
import io.flowgate.store.SessionStatus;
import io.flowgate.store.SessionStore;
import io.flowgate.testsupport.MutableClock;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A session created with {@code interchangeableTech}: the person passes a substitute at the sandbox's hosted flow
 * page, comes back through the callback, and the session ends with the status and decision the completion rule and
 * the flow's rules give. Run on each store by a subclass.
 */
abstract class InterchangeableTechJourneys {

    private static final String RETURN_URL = "https://shop.example.com/kyc/done";

    @Inject
    SessionStore store;

    @Inject
    MutableClock clock;

    @Test
    void aPersonWhoPassesTheSubstituteCompletesTheSessionAndIsApprovedByTheFlowsRules() {
        Response created = createSession("{\"flow\":\"legal-entities\",\"interchangeableTech\":[\"DR\",\"ED\"],"
                + "\"returnUrl\":\"" + RETURN_URL + "\"}");
        String sessionId = created.path("sessionId");

        Response back = arriveAtCallback(passFlow(created.path("verificationUrl"), Map.of("DR-instead", "ED")));

        assertEquals(RETURN_URL + "?session_id=" + sessionId + "&status=completed", back.header("Location"));
        JsonPath result = result(sessionId);
        assertEquals("COMPLETED", result.getString("status"));
        assertNull(result.get("statusReason"));
        assertEquals(List.of("LD", "DR", "F2F"), result.getList("technologies.code"));
        assertEquals(List.of(true, false, true), result.getList("technologies.resultReceived"));
        assertEquals(Arrays.asList(null, "ED", null), result.getList("technologies.replacedBy"));
        assertEquals("approved", result.getString("decision.outcome"));
        assertEquals(List.of("/liveness_result/is_live == true", "/face2face_result/similarity >= 0.8"),
                result.getList("decision.reasons"));
        assertEquals(true, result.getBoolean("raw.edocument_result.is_verified"));
        assertNull(result.get("raw.document_recognition_result"));
        SessionRecord stored = store.find(sessionId).orElseThrow();
        assertEquals(SessionStatus.COMPLETED, stored.status());
        assertEquals(List.of(List.of("DR", "ED")), stored.interchangeableTech());
    }

    @Test
    void anApproveRuleOverTheReplacedResultSendsThePersonToReviewNotToDecline() {
        Response created = createSession("{\"flow\":\"individuals\",\"interchangeableTech\":[\"ED\",\"DR\"]}");
        String sessionId = created.path("sessionId");

        Response back = arriveAtCallback(passFlow(created.path("verificationUrl"), Map.of("ED-instead", "DR")));

        back.then().statusCode(200);
        JsonPath result = result(sessionId);
        assertEquals("COMPLETED", result.getString("status"));
        assertEquals(Arrays.asList(null, "DR", null), result.getList("technologies.replacedBy"));
        assertEquals("review", result.getString("decision.outcome"));
        assertEquals(List.of("not met: /edocument_result/is_verified == true (its result was replaced by a "
                + "substitute's)"), result.getList("decision.reasons"));
        assertEquals("SANDBOX MINISTRY", result.getString("raw.document_recognition_result.authority"));
        assertEquals("SANDBOXOV", result.getString("document.lastName"));
    }

    @Test
    void aPersonWhoPassedNeitherMemberOfTheGroupIsNotCompletedAndExpiresPastTheDeadline() {
        Response created = createSession("{\"flow\":\"individuals\",\"interchangeableTech\":[\"ED\",\"DR\"],"
                + "\"returnUrl\":\"" + RETURN_URL + "\"}");
        String sessionId = created.path("sessionId");

        Response back = arriveAtCallback(passFlow(created.path("verificationUrl"), Map.of("ED", "skip")));

        assertEquals(RETURN_URL + "?session_id=" + sessionId + "&status=pending", back.header("Location"));
        JsonPath pending = result(sessionId);
        assertEquals("PENDING", pending.getString("status"));
        assertEquals(List.of(Map.of("code", "LD", "resultReceived", true),
                Map.of("code", "ED", "resultReceived", false), Map.of("code", "F2F", "resultReceived", true)),
                pending.getList("technologies"));
        assertNull(pending.get("decision"));

        clock.advance(Duration.ofMinutes(10 + 5 + 1));
        collectResult(sessionId).then().statusCode(200);

        JsonPath expired = result(sessionId);
        assertEquals("EXPIRED", expired.getString("status"));
        assertEquals("abandoned", expired.getString("statusReason"));
        assertEquals("declined", expired.getString("decision.outcome"));
        assertEquals(SessionStatus.EXPIRED, store.find(sessionId).orElseThrow().status());
    }

    private static JsonPath result(String sessionId) {
        return given().contentType(ContentType.JSON).body("{\"sessionId\":\"" + sessionId + "\",\"includeRaw\":true}")
                .post("/getResult").then().statusCode(200).extract().jsonPath();
    }
}
