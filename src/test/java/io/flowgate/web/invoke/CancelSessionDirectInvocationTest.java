package io.flowgate.web.invoke;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowgate.store.InMemorySessionStore;
import io.flowgate.store.SessionRecord;
import io.flowgate.store.SessionStatus;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The cancelSession function deployed on its own: invoked directly ({@code aws lambda invoke}) with the plain JSON
 * body, refusals as function errors typed by the problem's code, and no other function's route served.
 */
@QuarkusTest
@TestProfile(CancelSessionFunctionProfile.class)
class CancelSessionDirectInvocationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    InMemorySessionStore store;

    @Test
    void cancelsOnADirectInvocationThenRefusesTheFinalSessionWithAFunctionErrorTypedSessionFinal() throws Exception {
        String sessionId = stored("individuals");

        Response answer = ScheduledEvents.invoke("{\"sessionId\":\"" + sessionId + "\",\"reason\":\"duplicate\"}");

        assertEquals(200, answer.statusCode(), answer.asString());
        JsonNode session = JSON.readTree(answer.asString());
        assertFalse(session.has("statusCode"), answer.asString());
        assertEquals("CANCELLED", session.path("status").asText(), answer.asString());
        assertEquals("duplicate", session.path("statusReason").asText());
        assertEquals(SessionStatus.CANCELLED, store.find(sessionId).orElseThrow().status());

        JsonNode error = JSON.readTree(ScheduledEvents.invoke("{\"sessionId\":\"" + sessionId + "\"}").asString());
        assertEquals("session_final", error.path("errorType").asText(), error.toString());
        assertEquals(409, JSON.readTree(error.path("errorMessage").asText()).path("status").asInt());
    }

    @Test
    void aSessionOfAFlowDirectInvocationsMayNotUseIsNotFound() throws Exception {
        String sessionId = stored("legal-entities");

        JsonNode error = JSON.readTree(ScheduledEvents.invoke("{\"sessionId\":\"" + sessionId + "\"}").asString());

        assertEquals("session_not_found", error.path("errorType").asText(), error.toString());
        assertEquals(SessionStatus.CREATED, store.find(sessionId).orElseThrow().status());
    }

    @Test
    void aSessionAnotherCallerCreatedIsNotFoundForADirectInvocation() throws Exception {
        String sessionId = stored("individuals", "tests");

        JsonNode error = JSON.readTree(ScheduledEvents.invoke("{\"sessionId\":\"" + sessionId + "\"}").asString());

        assertEquals("session_not_found", error.path("errorType").asText(), error.toString());
        assertEquals(SessionStatus.CREATED, store.find(sessionId).orElseThrow().status());
    }

    @Test
    void servesItsOwnRouteOnly() {
        String sessionId = stored("individuals", "tests");

        given().contentType("application/json").body("{\"sessionId\":\"" + sessionId + "\"}").post("/resumeSession")
                .then().statusCode(404).body("code", equalTo("not_found"));
        given().contentType("application/json").body("{\"sessionId\":\"" + sessionId + "\"}").post("/cancelSession")
                .then().statusCode(200).body("status", equalTo("CANCELLED"));
    }

    /** A session of the direct invoker's, as a direct createSession stores it. */
    private String stored(String flow) {
        return stored(flow, "lambda-invoke");
    }

    private String stored(String flow, String caller) {
        String sessionId = UUID.randomUUID().toString();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        store.create(SessionRecord.created(sessionId, flow, caller, null, List.of("LD"), now,
                now.plus(Duration.ofMinutes(10)), null, "ru", now.plus(Duration.ofMinutes(1))));
        return sessionId;
    }
}
