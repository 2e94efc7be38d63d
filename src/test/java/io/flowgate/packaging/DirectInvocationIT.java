package io.flowgate.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowgate.testsupport.TestCallers;
import io.flowgate.testsupport.lambda.ApiGatewayEvents;
import io.flowgate.testsupport.lambda.LambdaStack;
import io.flowgate.testsupport.lambda.PackagedFunction;
import io.flowgate.testsupport.lambda.RuntimeApiEmulator.InvocationError;
import io.flowgate.testsupport.lambda.StubVendor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged artifact deployed as two functions, each knowing which it is ({@code FLOWGATE_FUNCTION}), invoked
 * directly through the emulated Runtime API as {@code aws lambda invoke} and EventBridge invoke them: the payload
 * is the JSON of the request, the answer the JSON of the response, a refusal a function error; the scheduled sweep
 * runs on EventBridge's event; each function refuses the other's route. A refusal's {@code errorType} is the
 * problem's code from the native executable (Quarkus' runtime loop) and the exception's class from the JVM build
 * (AWS's runtime interface client); its {@code errorMessage} is the problem either way.
 */
class DirectInvocationIT {

    private static final Path TARGET = Path.of(System.getProperty("flowgate.target", "target"));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EVENTBRIDGE = "{\"version\":\"0\",\"id\":\"53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa\","
            + "\"detail-type\":\"Scheduled Event\",\"source\":\"aws.events\",\"account\":\"123456789012\","
            + "\"time\":\"2026-12-04T12:00:00Z\",\"region\":\"eu-central-1\",\"resources\":[],\"detail\":{}}";

    private static StubVendor vendor;
    private static LambdaStack createSession;
    private static LambdaStack sweep;

    @BeforeAll
    static void startTwoFunctions() throws Exception {
        vendor = new StubVendor();
        createSession = LambdaStack.startPackaged(TARGET, url -> configuration(url, "createSession"),
                TARGET.resolve("direct-it/createSession"));
        sweep = LambdaStack.startPackaged(TARGET, url -> configuration(url, "sweep"), TARGET.resolve("direct-it/sweep"));
    }

    private static Map<String, String> configuration(String publicUrl, String function) {
        Map<String, String> properties = PackagedSetup.configuration("direct-it", publicUrl, vendor);
        properties.put("flowgate.function", function);
        properties.put("flowgate.invoke.flows", "individuals");
        properties.put("flowgate.flows.corporate.api-key", "direct-it-corporate-key-000000000000000000000000");
        return properties;
    }

    @AfterAll
    static void stop() throws Exception {
        PackagedSetup.closeAll(createSession, sweep, vendor);
    }

    @Test
    void answersADirectCreateSessionWithThePlainJsonOfTheSession() throws Exception {
        int creates = vendor.createCalls();

        JsonNode session = JSON.readTree(invoke(createSession, "{\"flow\":\"individuals\",\"reference\":\"order-d1\"}"));

        assertFalse(session.has("statusCode"), session.toString());
        assertTrue(vendor.sessions().contains(session.path("sessionId").asText()), session.toString());
        assertTrue(session.path("verificationUrl").asText().contains(session.path("sessionId").asText()));
        assertEquals(creates + 1, vendor.createCalls());
    }

    @Test
    void refusesAFlowThatDirectInvocationsMayNotUseAsAFunctionErrorAndCallsNoVendor() throws Exception {
        int creates = vendor.createCalls();

        JsonNode error = refusal(createSession, "{\"flow\":\"corporate\"}");

        assertErrorType("flow_not_allowed", error);
        JsonNode problem = JSON.readTree(error.path("errorMessage").asText());
        assertEquals(403, problem.path("status").asInt(), error.toString());
        assertEquals("flow_not_allowed", problem.path("code").asText(), error.toString());
        assertEquals(creates, vendor.createCalls());
    }

    @Test
    void refusesABadPayloadWithItsValidationProblem() throws Exception {
        JsonNode error = refusal(createSession, "{\"flow\":\"individuals\",\"colour\":\"blue\"}");

        assertErrorType("unknown_field", error);
        assertEquals("colour", JSON.readTree(error.path("errorMessage").asText()).path("field").asText());
    }

    @Test
    void runsTheSweepOnEventBridgesScheduledEventAndOnAnEmptyObject() throws Exception {
        for (String event : List.of(EVENTBRIDGE, "{}")) {
            JsonNode report = JSON.readTree(invoke(sweep, event));
            assertEquals(0, report.path("failed").asInt(), report.toString());
            assertTrue(report.has("examined") && report.has("leftOver"), report.toString());
        }
    }

    @Test
    void eachFunctionRefusesTheOthersRouteEvenWithAValidToken() throws Exception {
        Map<String, List<String>> token = Map.of("authorization", List.of(TestCallers.bearer(TestCallers.TOKEN)));

        ApiGatewayEvents.Answer sweepAsked = ApiGatewayEvents.answer(invoke(sweep,
                ApiGatewayEvents.jsonRequest("/createSession", "{\"flow\":\"individuals\"}", token)));
        ApiGatewayEvents.Answer createAsked = ApiGatewayEvents.answer(invoke(createSession,
                ApiGatewayEvents.jsonRequest("/sweep", "{}", token)));

        assertEquals(404, sweepAsked.status(), sweepAsked.text());
        assertEquals("not_found", sweepAsked.json().path("code").asText());
        assertEquals(404, createAsked.status(), createAsked.text());
    }

    private static String invoke(LambdaStack function, String event) throws Exception {
        return function.runtimeApi().enqueue(event).answer().get(30, TimeUnit.SECONDS);
    }

    /** The function error the invocation ended with, as the Runtime API received it. */
    private static JsonNode refusal(LambdaStack function, String event) throws Exception {
        ExecutionException failed = assertThrows(ExecutionException.class,
                () -> function.runtimeApi().enqueue(event).answer().get(30, TimeUnit.SECONDS));
        assertTrue(failed.getCause() instanceof InvocationError, String.valueOf(failed.getCause()));
        String message = failed.getCause().getMessage();
        return JSON.readTree(message.substring(message.indexOf('{')));
    }

    private static void assertErrorType(String code, JsonNode error) throws Exception {
        boolean nativeExecutable = PackagedFunction.Artifact.in(TARGET).nativeExecutable() != null;
        assertEquals(nativeExecutable ? code : "io.flowgate.web.invoke.FunctionRefused",
                error.path("errorType").asText(), error.toString());
    }
}
