package io.flowgate.web.invoke;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowgate.store.InMemorySessionStore;
import io.flowgate.store.SessionRecord;
import io.flowgate.store.SessionStatus;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The redactSession function invoked directly ({@code aws lambda invoke}): the tombstone as plain JSON, refusals as
 * function errors typed by the problem's code, only for the flows of {@code flowgate.invoke.flows}; and the one
 * route it serves through API Gateway.
 */
@QuarkusTest
@TestProfile(RedactSessionFunctionProfile.class)
class RedactSessionDirectInvocationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    InMemorySessionStore store;

    @Test
    void answersTheTombstoneAsPlainJson() throws Exception {
        String sessionId = stored("individuals", SessionStatus.COMPLETED);

        Response answer = ScheduledEvents.invoke("{\"sessionId\":\"" + sessionId + "\"}");

        JsonNode tombstone = JSON.readTree(answer.asString());
        assertFalse(tombstone.has("statusCode"), answer.asString());
        assertEquals(sessionId, tombstone.path("sessionId").asText(), answer.asString());
        assertEquals(true, tombstone.path("redacted").asBoolean());
        assertFalse(tombstone.has("raw") || tombstone.has("document"), answer.asString());
        assertNull(store.find(sessionId).orElseThrow().resultJson());
    }

    @Test
    void refusesAnOpenSessionAndOneOfAFlowItMayNotUseWithFunctionErrorsTypedByTheirCodes() throws Exception {
        String open = stored("individuals", SessionStatus.PENDING);
        String otherFlow = stored("legal-entities", SessionStatus.COMPLETED);

        JsonNode notFinal = JSON.readTree(ScheduledEvents.invoke("{\"sessionId\":\"" + open + "\"}").asString());
        JsonNode notFound = JSON.readTree(ScheduledEvents.invoke("{\"sessionId\":\"" + otherFlow + "\"}").asString());

        assertEquals("session_not_final", notFinal.path("errorType").asText(), notFinal.toString());
        assertEquals(409, JSON.readTree(notFinal.path("errorMessage").asText()).path("status").asInt());
        assertEquals("session_not_found", notFound.path("errorType").asText(), notFound.toString());
        assertEquals(null, store.find(otherFlow).orElseThrow().redactedAt());
        assertEquals(null, store.find(open).orElseThrow().redactedAt());
    }

    @Test
    void servesOnlyItsOwnRouteThroughApiGateway() {
        String sessionId = stored("individuals", SessionStatus.COMPLETED, "tests");

        given().contentType("application/json").body("{\"sessionId\":\"" + sessionId + "\",\"outcome\":\"approved\"}")
                .post("/reviewSession").then().statusCode(404);
        given().contentType("application/json").body("{\"sessionId\":\"" + sessionId + "\"}").post("/redactSession")
                .then().statusCode(200);
    }

    /** A session of the direct invoker's, as a direct createSession stores it. */
    private String stored(String flow, SessionStatus status) {
        return stored(flow, status, "lambda-invoke");
    }

    private String stored(String flow, SessionStatus status, String caller) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String sessionId = UUID.randomUUID().toString();
        SessionRecord open = SessionRecord.created(sessionId, flow, caller, null, List.of("LD"), now,
                now.plus(Duration.ofMinutes(10)), null, "ru", now);
        boolean done = status == SessionStatus.COMPLETED;
        store.create(open.next(status, null, now, done ? now : null, "{\"liveness_result\":{\"is_live\":true}}",
                done ? "approved" : null, List.of(), now.plus(Duration.ofMinutes(1))));
        return sessionId;
    }
}
