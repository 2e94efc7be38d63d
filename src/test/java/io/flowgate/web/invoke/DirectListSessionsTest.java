package io.flowgate.web.invoke;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowgate.store.InMemorySessionStore;
import io.flowgate.store.SessionRecord;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The listSessions function invoked directly: the caller {@code lambda-invoke} lists its own sessions of the flows
 * direct invocations may use, as plain JSON; a refusal is a function error typed by the problem's code; over HTTP
 * this function serves its own route only.
 */
@QuarkusTest
@TestProfile(ListSessionsFunctionProfile.class)
class DirectListSessionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

    @Inject
    InMemorySessionStore store;

    @Test
    void listsTheInvokersOwnSessionsOfItsFlowsAsPlainJson() throws Exception {
        store(SessionRecord.created("s-old", "individuals", "lambda-invoke", "order-1", List.of("LD"), List.of(), T0,
                T0.plusSeconds(600), null, "en", T0, Map.of("orderId", "A-1")));
        store(SessionRecord.created("s-new", "individuals", "lambda-invoke", null, List.of("LD"), List.of(),
                T0.plusSeconds(60), T0.plusSeconds(660), null, "en", T0, Map.of()));
        store(SessionRecord.created("s-theirs", "individuals", "tests", "order-1", List.of("LD"), List.of(),
                T0.plusSeconds(120), T0.plusSeconds(720), null, "en", T0, Map.of()));
        store(SessionRecord.created("s-other-flow", "everyone", "lambda-invoke", null, List.of("LD"), List.of(),
                T0.plusSeconds(180), T0.plusSeconds(780), null, "en", T0, Map.of()));

        Response answer = ScheduledEvents.invoke("{\"limit\":1}");

        assertEquals(200, answer.statusCode(), answer.asString());
        JsonNode page = JSON.readTree(answer.asString());
        assertFalse(page.has("statusCode"), answer.asString());
        assertEquals("s-new", page.path("sessions").path(0).path("sessionId").asText());
        assertEquals(1, page.path("sessions").size());
        JsonNode next = JSON.readTree(ScheduledEvents.invoke("{\"limit\":1,\"pageToken\":\""
                + page.path("nextPageToken").asText() + "\"}").asString());
        assertEquals("s-old", next.path("sessions").path(0).path("sessionId").asText());
        assertEquals("A-1", next.path("sessions").path(0).path("metadata").path("orderId").asText());
        assertEquals(1, next.path("sessions").size());
        assertEquals(true, next.path("nextPageToken").isNull());
    }

    @Test
    void refusesAFlowThatDirectInvocationsMayNotUseAndABadLimitAsFunctionErrorsTypedByTheCode() throws Exception {
        JsonNode notAllowed = JSON.readTree(ScheduledEvents.invoke("{\"flow\":\"everyone\"}").asString());
        assertEquals("flow_not_allowed", notAllowed.path("errorType").asText(), notAllowed.toString());
        assertEquals(403, JSON.readTree(notAllowed.path("errorMessage").asText()).path("status").asInt());

        JsonNode badLimit = JSON.readTree(ScheduledEvents.invoke("{\"limit\":0}").asString());
        assertEquals("invalid_limit", badLimit.path("errorType").asText(), badLimit.toString());
    }

    @Test
    void servesOnlyItsOwnRouteOverHttp() {
        given().contentType("application/json").body("{}").post("/listSessions").then().statusCode(200)
                .body("sessions.size()", equalTo(0));
        given().contentType("application/json").body("{\"flow\":\"individuals\"}").post("/createSession")
                .then().statusCode(404).body("code", equalTo("not_found"));
        assertEquals(0, store.size());
    }

    private void store(SessionRecord session) {
        store.create(session);
    }
}
