package io.flowgate.openapi;

import static io.flowgate.journey.Journeys.arriveAtCallback;
import static io.flowgate.journey.Journeys.passFlow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowgate.ownapi.client.ApiClient;
import io.flowgate.ownapi.client.ApiException;
import io.flowgate.ownapi.client.api.SessionsApi;
import io.flowgate.ownapi.client.model.CreateSessionRequest;
import io.flowgate.ownapi.client.model.CreatedSession;
import io.flowgate.ownapi.client.model.Decision;
import io.flowgate.ownapi.client.model.GetResultRequest;
import io.flowgate.ownapi.client.model.Problem;
import io.flowgate.ownapi.client.model.Session;
import io.flowgate.ownapi.client.model.TechnologyResult;
import io.flowgate.testsupport.TestCallers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An integrator's backend written against the Java client that the test build generates from
 * {@code docs/openapi.yaml} (openapi-generator, {@code java}/{@code native}), through the Lambda event path: it
 * creates a session, the person passes the sandbox's hosted flow and comes back on the callback (a browser, not the
 * client), and the backend reads the result, and a refusal, as the client's types.
 */
@QuarkusTest
class GeneratedClientJourneyTest {

    private static final String RETURN_URL = "https://shop.example.com/kyc/done";

    /** The client as an integrator's backend makes it, on the port REST Assured is given for this test. */
    private static ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(RestAssured.baseURI + ":" + RestAssured.port);
        client.setRequestInterceptor(request -> request.header("Authorization", TestCallers.bearer(token)));
        return client;
    }

    @Test
    void anIntegratorCreatesASessionAndReadsItsResultThroughTheGeneratedClient() throws ApiException {
        SessionsApi sessions = new SessionsApi(client(TestCallers.TOKEN));
        String reference = "client-" + UUID.randomUUID();
        CreatedSession created = sessions.createSession(new CreateSessionRequest().flow("legal-entities")
                .reference(reference).locale(CreateSessionRequest.LocaleEnum.EN).returnUrl(RETURN_URL));
        assertEquals(List.of("LD", "DR", "F2F"), created.getTechnologies());

        URI callback = passFlow(created.getVerificationUrl().toString(), Map.of("LD", "pass", "DR", "pass", "F2F", "pass"));
        Response back = arriveAtCallback(callback);
        back.then().statusCode(303);
        assertEquals(RETURN_URL + "?session_id=" + created.getSessionId() + "&status=completed", back.header("Location"));

        Session result = sessions.getResult(new GetResultRequest().reference(reference));
        assertEquals(created.getSessionId(), result.getSessionId());
        assertEquals("legal-entities", result.getFlow());
        assertEquals("COMPLETED", result.getStatus());
        assertEquals(Decision.OutcomeEnum.APPROVED, result.getDecision().getOutcome());
        assertEquals(List.of("LD", "DR", "F2F"), result.getTechnologies().stream().map(TechnologyResult::getCode).toList());
        assertTrue(result.getTechnologies().stream().allMatch(TechnologyResult::getResultReceived));
        assertTrue(result.getDocument().getDocumentNumber() != null, "the document-recognition fields are read");
        assertTrue(!result.getCompletedAt().isBefore(result.getCreatedAt()), "times are read as instants");
        assertEquals(created.getExpiresAt().toInstant(), result.getExpiresAt().toInstant());
        Map<String, Object> raw = sessions.getResult(new GetResultRequest().sessionId(created.getSessionId())
                .includeRaw(true)).getRaw();
        assertTrue(raw.containsKey("liveness_result") && raw.containsKey("document_recognition_result"), raw.keySet()
                .toString());
    }

    @Test
    void aRefusalIsAProblemTheClientCanRead() throws Exception {
        SessionsApi sessions = new SessionsApi(client(TestCallers.TOKEN));
        ApiException refused = assertThrows(ApiException.class, () -> sessions.getResult(
                new GetResultRequest().sessionId("00000000-0000-4000-8000-000000000000")));

        assertEquals(404, refused.getCode());
        Problem problem = client(TestCallers.TOKEN).getObjectMapper().readValue(refused.getResponseBody(), Problem.class);
        assertEquals("session_not_found", problem.getCode());
        assertEquals("urn:flowgate:problem:session_not_found", problem.getType());
        assertEquals(refused.getResponseHeaders().firstValue("X-Request-Id").orElseThrow(), problem.getRequestId());
    }
}
