package io.flowgate.web.invoke;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowgate.store.InMemorySessionStore;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * The createSession function invoked directly ({@code aws lambda invoke}, Step Functions): the event is the body's
 * JSON, the answer the body's JSON with no envelope, a refusal a function error typed by the problem's code. Raw
 * events go through the mock event server ({@code POST /_lambda_}), the same Lambda handler as in AWS.
 */
@QuarkusTest
@TestProfile(CreateSessionFunctionProfile.class)
class DirectInvocationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    InMemorySessionStore store;

    @Test
    void answersADirectInvocationWithThePlainJsonOfTheSession() throws Exception {
        Response answer = invoke("{\"flow\":\"individuals\",\"reference\":\"order-direct-1\"}");

        assertEquals(200, answer.statusCode(), answer.asString());
        JsonNode session = JSON.readTree(answer.asString());
        assertFalse(session.has("statusCode"), answer.asString());
        assertEquals(36, session.path("sessionId").asText().length(), answer.asString());
        assertTrue(session.path("verificationUrl").asText().contains(session.path("sessionId").asText()));
        assertEquals("lambda-invoke", store.find(session.path("sessionId").asText()).orElseThrow().caller());
    }

    @Test
    void refusesAFlowThatDirectInvocationsMayNotUseWithAFunctionErrorTypedByTheProblemsCode() throws Exception {
        Response answer = invoke("{\"flow\":\"legal-entities\"}");

        JsonNode error = JSON.readTree(answer.asString());
        assertEquals("flow_not_allowed", error.path("errorType").asText(), answer.asString());
        JsonNode problem = JSON.readTree(error.path("errorMessage").asText());
        assertEquals(403, problem.path("status").asInt());
        assertEquals("flow_not_allowed", problem.path("code").asText());
        assertEquals(0, store.size());
    }

    @Test
    void refusesAnInvalidPayloadWithTheValidationProblem() throws Exception {
        Response answer = invoke("{\"flow\":\"individuals\",\"locale\":\"de\"}");

        JsonNode error = JSON.readTree(answer.asString());
        assertEquals("invalid_locale", error.path("errorType").asText(), answer.asString());
        assertEquals(0, store.size());
    }

    @Test
    void stillServesApiGatewayEventsWithTheirToken() {
        given().contentType("application/json").body("{\"flow\":\"legal-entities\"}").post("/createSession")
                .then().statusCode(200);
    }

    @Test
    void aForgedMarkerHeaderOverHttpIsNoDirectInvocation() {
        given().header("Authorization", "").header(DirectInvocation.HEADER, "00").contentType("application/json")
                .body("{\"flow\":\"individuals\"}").post("/createSession")
                .then().statusCode(401);
    }

    private static Response invoke(String event) {
        return ScheduledEvents.invoke(event);
    }
}
