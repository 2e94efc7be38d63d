package io.flowgate.web;

import static io.flowgate.journey.Journeys.arriveAtCallback;
import static io.flowgate.journey.Journeys.createSession;
import static io.flowgate.journey.Journeys.getResult;
import static io.flowgate.journey.Journeys.passFlow;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowgate.testsupport.LogCapture;
import io.flowgate.testsupport.TestCallers;
import io.flowgate.testsupport.lambda.ApiGatewayEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every answer carries {@code X-Request-Id} (API Gateway's request id when the event has one, else a new one),
 * problem details repeat it as {@code requestId}, and the log lines of the request carry it in their context,
 * with the session, flow and caller once known, and nothing of an earlier request.
 */
@QuarkusTest
class RequestIdTest {

    private static final Pattern UUID_FORM = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aSuccessCarriesARequestIdOfItsOwn() {
        String first = createSession("{\"flow\":\"everyone\"}").header(RequestIds.HEADER);
        String second = createSession("{\"flow\":\"everyone\"}").header(RequestIds.HEADER);

        assertNotNull(first);
        assertNotEquals(first, second);
    }

    @Test
    void aProblemCarriesTheRequestIdInItsHeaderAndItsBody() {
        Response problem = getResult("{\"sessionId\":\"" + UUID.randomUUID() + "\"}");

        problem.then().statusCode(404).contentType(Problem.MEDIA_TYPE);
        assertNotNull(problem.header(RequestIds.HEADER));
        assertEquals(problem.header(RequestIds.HEADER), problem.path("requestId"));
    }

    @Test
    void aRefusalBeforeAuthenticationCarriesTheRequestIdToo() {
        Response refused = given().header("Authorization", "Bearer not-a-token").contentType("application/json")
                .body("{}").post("/getResult");

        refused.then().statusCode(401);
        assertEquals(refused.header(RequestIds.HEADER), refused.path("requestId"));
    }

    @Test
    void theCallbacksRedirectAndPagesCarryARequestId() {
        Response created = createSession("{\"flow\":\"everyone\",\"returnUrl\":\"https://shop.example.com/kyc/done\"}");
        Response redirect = arriveAtCallback(passFlow(created.path("verificationUrl"), Map.of()));
        Response page = given().redirects().follow(false).queryParam("state", "v1.tampered").get("/callback");

        redirect.then().statusCode(303);
        page.then().statusCode(400);
        assertNotNull(redirect.header(RequestIds.HEADER));
        assertNotNull(page.header(RequestIds.HEADER));
        assertNotEquals(redirect.header(RequestIds.HEADER), page.header(RequestIds.HEADER));
    }

    @Test
    void anApiGatewayEventsRequestIdIsTheAnswersRequestId() throws Exception {
        String event = ApiGatewayEvents.jsonRequest("/getResult", "{\"sessionId\":\"" + UUID.randomUUID() + "\"}",
                Map.of("authorization", List.of(TestCallers.bearer(TestCallers.TOKEN))));
        String apiGatewayId = JSON.readTree(event).path("requestContext").path("requestId").asText();

        ApiGatewayEvents.Answer answer = ApiGatewayEvents.answer(given().contentType("application/json").body(event)
                .post("/_lambda_").asString());

        assertEquals(404, answer.status());
        assertEquals(apiGatewayId, answer.header(RequestIds.HEADER));
        assertEquals(apiGatewayId, answer.json().path("requestId").asText());
    }

    @Test
    void theLogLinesOfARequestCarryItsIdsAndSessionAndNothingOfTheRequestBefore() {
        try (LogCapture logs = LogCapture.install()) {
            Response created = createSession("{\"flow\":\"everyone\"}");
            Response refused = getResult("{\"sessionId\":\"" + UUID.randomUUID() + "\"}");

            LogCapture.Line sessionCreated = only(logs, "session.created");
            assertEquals(created.header(RequestIds.HEADER), sessionCreated.mdc().get("requestId"));
            assertEquals(created.path("sessionId"), sessionCreated.mdc().get("sessionId"));
            assertEquals("everyone", sessionCreated.mdc().get("flow"));
            assertEquals("tests", sessionCreated.mdc().get("caller"));
            assertTrue(UUID_FORM.matcher(String.valueOf(sessionCreated.mdc().get("lambdaRequestId"))).matches(),
                    sessionCreated.toString());

            LogCapture.Line rejected = only(logs, "request.rejected status=404");
            assertEquals(refused.header(RequestIds.HEADER), rejected.mdc().get("requestId"));
            assertEquals("tests", rejected.mdc().get("caller"));
            assertFalse(rejected.mdc().containsKey("sessionId"), rejected.toString());
            assertNotEquals(sessionCreated.mdc().get("lambdaRequestId"), rejected.mdc().get("lambdaRequestId"));
        }
    }

    private static LogCapture.Line only(LogCapture logs, String message) {
        List<LogCapture.Line> lines = logs.records().stream()
                .filter(line -> line.message() != null && line.message().startsWith(message)).toList();
        assertEquals(1, lines.size(), logs.text());
        return lines.get(0);
    }
}
