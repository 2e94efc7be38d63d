package io.flowgate.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowgate.store.InMemorySessionStore;
import io.flowgate.testsupport.TestCallers;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * A process deployed as one function serves that function's route only: the public callback function, handed an
 * event for another route, answers 404 (before authentication, so with a valid token too) and does nothing.
 */
@QuarkusTest
@TestProfile(OneFunctionProfile.class)
class OneFunctionRoutesTest {

    @Inject
    InMemorySessionStore store;

    @Test
    void theCallbackFunctionServesTheCallback() {
        given().redirects().follow(false).queryParam("state", "not-a-state-token").get("/callback")
                .then().statusCode(400);
    }

    @Test
    void theCallbackFunctionRefusesEveryOtherFunctionsRouteEvenWithAValidToken() {
        for (String path : new String[] {"/createSession", "/getResult", "/collectResult", "/sweep",
                "/deliverWebhooks", "/listFailedWebhooks", "/resendWebhook", "/cancelSession", "/resumeSession",
                "/listSessions", "/redactSession",
                "/reviewSession"}) {
            given().header("Authorization", TestCallers.bearer(TestCallers.TOKEN)).contentType("application/json")
                    .body("{\"flow\":\"individuals\"}").post(path)
                    .then().statusCode(404).body("code", equalTo("not_found"));
        }
        given().get("/sessions/3fa85f64-5717-4562-b3fc-2c963f66afa6/video").then().statusCode(404)
                .body("code", equalTo("not_found"));
        assertEquals(0, store.size(), "no session was created");
    }

    @Test
    void theCallbackFunctionRefusesADirectInvocation() throws Exception {
        String answer = given().contentType("application/json").body("{\"flow\":\"individuals\"}").post("/_lambda_")
                .asString();

        JsonNode error = new ObjectMapper().readTree(answer);
        assertEquals("direct_invocation_unsupported", error.path("errorType").asText(), answer);
        assertEquals("The callback function answers HTTP requests through API Gateway only; it takes no direct "
                + "invocation.", new ObjectMapper().readTree(error.path("errorMessage").asText()).path("detail").asText());
        assertEquals(0, store.size());
    }
}
