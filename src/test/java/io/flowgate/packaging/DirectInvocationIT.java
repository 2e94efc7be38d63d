package io.flowgate.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowgate.testsupport.Dynalite;
import io.flowgate.testsupport.TestCallers;
import io.flowgate.testsupport.WebhookReceiver;
import io.flowgate.testsupport.lambda.ApiGatewayEvents;
import io.flowgate.testsupport.lambda.LambdaStack;
import io.flowgate.testsupport.lambda.PackagedFunction;
import io.flowgate.testsupport.lambda.RuntimeApiEmulator.InvocationError;
import io.flowgate.testsupport.lambda.StubVendor;
import io.flowgate.web.FunctionRoutes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The packaged artifact deployed as AWS deploys it: every function a process of its own that knows which it is
 * ({@code FLOWGATE_FUNCTION}), all on one DynamoDB table (dynalite), invoked directly through the emulated Runtime
 * API as {@code aws lambda invoke}, Step Functions and EventBridge invoke them: the payload is the JSON of the
 * request, the answer the JSON of the response, a refusal a function error; the scheduled functions run on
 * EventBridge's event and on {@code {}}; the browser-only functions refuse a direct invocation; each function
 * refuses another's route. A refusal's {@code errorType} is the problem's code from the native executable (Quarkus'
 * runtime loop) and the exception's class from the JVM build (AWS's runtime interface client); its
 * {@code errorMessage} is the problem either way.
 */
class DirectInvocationIT {

    private static final Path TARGET = Path.of(System.getProperty("flowgate.target", "target"));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EVENTBRIDGE = "{\"version\":\"0\",\"id\":\"53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa\","
            + "\"detail-type\":\"Scheduled Event\",\"source\":\"aws.events\",\"account\":\"123456789012\","
            + "\"time\":\"2026-12-04T12:00:00Z\",\"region\":\"eu-central-1\",\"resources\":[],\"detail\":{}}";
    private static final String WEBHOOK_SECRET = "whsec_kvJJ0xgB22G2ZlcC9J8rAh++EZizXInN15a30kZg/u4=";
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private static Dynalite dynalite;
    private static StubVendor vendor;
    private static WebhookReceiver receiver;
    private static final Map<String, LambdaStack> FUNCTIONS = new ConcurrentHashMap<>();

    /** Every function of a deployment, each started as its own process; the first creates the table. */
    @BeforeAll
    static void deployEveryFunction() throws Exception {
        dynalite = Dynalite.start();
        vendor = new StubVendor();
        receiver = WebhookReceiver.start(Map.of("flow", WEBHOOK_SECRET));
        Map<String, String> shared = PackagedOnDynamoDb.configuration(vendor, dynalite.endpoint(),
                PackagedOnDynamoDb.freshTable(), Map.of(
                        "flowgate.invoke.flows", "individuals",
                        "flowgate.flows.corporate.api-key", "direct-it-corporate-key-000000000000000000000000",
                        "flowgate.flows.individuals.webhook.url", receiver.url("/hooks/individuals"),
                        "flowgate.flows.individuals.webhook.secrets", WEBHOOK_SECRET,
                        "flowgate.webhooks.max-attempts", "1",
                        "flowgate.webhooks.timeout", "5S"));
        start("createSession", shared);
        ExecutorService starting = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> started = new ArrayList<>();
            for (String function : FunctionRoutes.functions()) {
                if (!FUNCTIONS.containsKey(function)) {
                    started.add(starting.submit(() -> start(function, shared)));
                }
            }
            for (Future<?> each : started) {
                each.get();
            }
        } finally {
            starting.shutdownNow();
        }
    }

    private static Void start(String function, Map<String, String> shared) throws Exception {
        Map<String, String> properties = new HashMap<>(shared);
        properties.put("flowgate.function", function);
        FUNCTIONS.put(function, LambdaStack.startPackaged(TARGET, publicUrl -> {
            Map<String, String> all = new HashMap<>(properties);
            all.put("flowgate.public-base-url", publicUrl);
            return all;
        }, TARGET.resolve("direct-it/" + function)));
        return null;
    }

    @AfterAll
    static void stop() throws Exception {
        List<AutoCloseable> started = new ArrayList<>(FUNCTIONS.values());
        started.add(receiver);
        started.add(vendor);
        started.add(dynalite);
        PackagedSetup.closeAll(started.toArray(AutoCloseable[]::new));
    }

    @Test
    void answersADirectCreateSessionWithThePlainJsonOfTheSession() throws Exception {
        int creates = vendor.createCalls();

        JsonNode session = invoke("createSession", "{\"flow\":\"individuals\",\"reference\":\"order-d1\"}");

        assertFalse(session.has("statusCode"), session.toString());
        assertTrue(vendor.sessions().contains(session.path("sessionId").asText()), session.toString());
        assertTrue(session.path("verificationUrl").asText().contains(session.path("sessionId").asText()));
        assertEquals(creates + 1, vendor.createCalls());
    }

    @Test
    void refusesAFlowThatDirectInvocationsMayNotUseAsAFunctionErrorAndCallsNoVendor() throws Exception {
        int creates = vendor.createCalls();

        JsonNode error = refusal("createSession", "{\"flow\":\"corporate\"}");

        JsonNode problem = problemOf("flow_not_allowed", error);
        assertEquals(403, problem.path("status").asInt(), error.toString());
        assertEquals(creates, vendor.createCalls());
    }

    /** Each function of the integrator's backend reads its payload strictly, as its HTTP route reads the body. */
    @ParameterizedTest
    @ValueSource(strings = {"createSession", "getResult", "collectResult", "listFailedWebhooks", "resendWebhook",
        "cancelSession", "resumeSession", "listSessions", "reviewSession", "redactSession"})
    void refusesAnUnknownFieldInThePayloadWithItsValidationProblem(String function) throws Exception {
        JsonNode problem = problemOf("unknown_field", refusal(function, "{\"colour\":\"blue\"}"));

        assertEquals(400, problem.path("status").asInt(), problem.toString());
        assertEquals("colour", problem.path("field").asText(), problem.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "getResult          | {\"sessionId\":\"3fa85f64-5717-4562-b3fc-000000000404\"} | session_not_found | 404",
        "collectResult      | {\"sessionId\":\"3fa85f64-5717-4562-b3fc-000000000404\"} | session_not_found | 404",
        "resendWebhook      | {\"sessionId\":\"3fa85f64-5717-4562-b3fc-000000000404\"} | session_not_found | 404",
        "getResult          | {}                                                     | missing_field     | 400",
        "collectResult      | {\"sessionId\":\"not a session id\"}                     | invalid_session_id | 400",
        "listFailedWebhooks | {\"limit\":0}                                          | invalid_limit     | 400"})
    void refusesABadRequestWithItsProblemAsTheErrorType(String function, String payload, String code, int status)
            throws Exception {
        JsonNode problem = problemOf(code, refusal(function, payload));

        assertEquals(status, problem.path("status").asInt(), problem.toString());
    }

    /**
     * A session's whole life through direct invocations alone: created, read, collected (its webhook refused once,
     * which with one attempt allowed gives up), listed among the failed deliveries, resent and delivered.
     */
    @Test
    void runsASessionsWholeLifeThroughDirectInvocationsOfEachFunction() throws Exception {
        String sessionId = invoke("createSession", "{\"flow\":\"individuals\",\"reference\":\"order-d2\"}")
                .path("sessionId").asText();
        JsonNode created = invoke("getResult", "{\"reference\":\"order-d2\"}");
        assertEquals(sessionId, created.path("sessionId").asText(), created.toString());
        assertEquals("CREATED", created.path("status").asText(), created.toString());
        assertFalse(created.has("statusCode"), created.toString());
        JsonNode notFinal = problemOf("session_not_final",
                refusal("resendWebhook", "{\"sessionId\":\"" + sessionId + "\"}"));
        assertEquals(409, notFinal.path("status").asInt(), notFinal.toString());

        receiver.failNext(1);
        JsonNode collected = invoke("collectResult", "{\"sessionId\":\"" + sessionId + "\"}");
        assertEquals("COMPLETED", collected.path("status").asText(), collected.toString());
        assertEquals("approved", collected.path("decision").path("outcome").asText(), collected.toString());
        assertEquals("FAILED", awaitWebhook(sessionId, "FAILED").path("state").asText());

        JsonNode failed = invoke("listFailedWebhooks", "{}");
        JsonNode listed = failed.path("deliveries").get(0);
        assertEquals(1, failed.path("deliveries").size(), failed.toString());
        assertEquals(sessionId, listed.path("sessionId").asText(), failed.toString());
        assertEquals("order-d2", listed.path("reference").asText(), failed.toString());
        assertTrue(failed.path("nextPageToken").isNull(), failed.toString());

        JsonNode resent = invoke("resendWebhook", "{\"sessionId\":\"" + sessionId + "\"}");
        assertEquals("DELIVERED", resent.path("state").asText(), resent.toString());
        assertEquals(2, receiver.received().size(), "the refused attempt and the resend's");
        assertEquals(0, invoke("listFailedWebhooks", "{}").path("deliveries").size());
    }

    @Test
    void resumesCancelsListsAndRedactsASessionThroughDirectInvocations() throws Exception {
        JsonNode created = invoke("createSession", "{\"flow\":\"individuals\",\"reference\":\"order-d3\"}");
        String sessionId = created.path("sessionId").asText();

        JsonNode resumed = invoke("resumeSession", "{\"sessionId\":\"" + sessionId + "\"}");
        assertEquals(sessionId, resumed.path("sessionId").asText(), resumed.toString());
        // each function here has a gateway of its own, so only the callback's authority differs from creation's
        assertEquals(signedState(created.path("verificationUrl").asText()),
                signedState(resumed.path("verificationUrl").asText()));
        assertTrue(resumed.path("verificationUrl").asText().startsWith(vendor.flowUrl()), resumed.toString());
        assertEquals(created.path("expiresAt").asText(), resumed.path("expiresAt").asText());

        JsonNode cancelled = invoke("cancelSession",
                "{\"sessionId\":\"" + sessionId + "\",\"reason\":\"duplicate_order\"}");
        assertEquals("CANCELLED", cancelled.path("status").asText(), cancelled.toString());
        assertEquals("duplicate_order", cancelled.path("statusReason").asText(), cancelled.toString());
        JsonNode read = invoke("getResult", "{\"sessionId\":\"" + sessionId + "\"}");
        assertEquals("CANCELLED", read.path("status").asText(), read.toString());
        assertEquals(409, problemOf("session_final",
                refusal("cancelSession", "{\"sessionId\":\"" + sessionId + "\"}")).path("status").asInt());
        assertEquals(409, problemOf("session_final",
                refusal("resumeSession", "{\"sessionId\":\"" + sessionId + "\"}")).path("status").asInt());

        JsonNode listed = invoke("listSessions", "{\"reference\":\"order-d3\"}");
        assertEquals(sessionId, listed.path("sessions").path(0).path("sessionId").asText(), listed.toString());
        assertEquals(1, listed.path("sessions").size(), listed.toString());
        JsonNode redacted = invoke("redactSession", "{\"sessionId\":\"" + sessionId + "\"}");
        assertTrue(redacted.path("redacted").asBoolean(), redacted.toString());
        assertEquals(409, problemOf("session_redacted", refusal("reviewSession",
                "{\"sessionId\":\"" + sessionId + "\",\"outcome\":\"approved\"}")).path("status").asInt());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sweep", "deliverWebhooks"})
    void runsAScheduledFunctionOnEventBridgesScheduledEventAndOnAnEmptyObject(String function) throws Exception {
        for (String event : List.of(EVENTBRIDGE, "{}")) {
            JsonNode report = invoke(function, event);
            assertEquals(0, report.path("failed").asInt(), report.toString());
            assertTrue(report.has("leftOver"), report.toString());
            assertFalse(report.has("statusCode"), report.toString());
        }
    }

    /** The browser's return and the video stream answer with HTTP semantics only. */
    @ParameterizedTest
    @ValueSource(strings = {"callback", "video"})
    void refusesADirectInvocationOfAFunctionThatOnlyServesHttp(String function) throws Exception {
        JsonNode problem = problemOf("direct_invocation_unsupported", refusal(function, "{\"sessionId\":\"x\"}"));

        assertEquals(400, problem.path("status").asInt(), problem.toString());
    }

    @Test
    void eachFunctionRefusesTheOthersRouteEvenWithAValidToken() throws Exception {
        Map<String, List<String>> token = Map.of("authorization", List.of(TestCallers.bearer(TestCallers.TOKEN)));

        ApiGatewayEvents.Answer sweepAsked = ApiGatewayEvents.answer(invokeText("sweep",
                ApiGatewayEvents.jsonRequest("/createSession", "{\"flow\":\"individuals\"}", token)));
        ApiGatewayEvents.Answer createAsked = ApiGatewayEvents.answer(invokeText("createSession",
                ApiGatewayEvents.jsonRequest("/sweep", "{}", token)));
        ApiGatewayEvents.Answer callbackAsked = ApiGatewayEvents.answer(invokeText("callback",
                ApiGatewayEvents.jsonRequest("/getResult", "{\"reference\":\"order-d1\"}", token)));

        assertEquals(404, sweepAsked.status(), sweepAsked.text());
        assertEquals("not_found", sweepAsked.json().path("code").asText());
        assertEquals(404, createAsked.status(), createAsked.text());
        assertEquals(404, callbackAsked.status(), callbackAsked.text());
    }

    /** The vendor's path and the signed state a verification URL carries, without the callback's authority. */
    private static String signedState(String verificationUrl) {
        int state = verificationUrl.indexOf("%2Fcallback%3Fstate%3D");
        assertTrue(state > 0, verificationUrl);
        return verificationUrl.substring(0, verificationUrl.indexOf("?redirect=")) + verificationUrl.substring(state);
    }

    /**
     * The session's webhook delivery once it is in {@code state}, read through getResult; meanwhile the scheduled
     * function runs, as it would in AWS, in case the completion's own attempt did not.
     */
    private static JsonNode awaitWebhook(String sessionId, String state) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        JsonNode webhook = JSON.missingNode();
        while (System.nanoTime() < deadline) {
            webhook = invoke("getResult", "{\"sessionId\":\"" + sessionId + "\"}").path("webhook");
            if (state.equals(webhook.path("state").asText())) {
                return webhook;
            }
            invoke("deliverWebhooks", "{}");
            Thread.sleep(100);
        }
        throw new AssertionError("The webhook did not reach " + state + ": " + webhook);
    }

    private static JsonNode invoke(String function, String event) throws Exception {
        return JSON.readTree(invokeText(function, event));
    }

    private static String invokeText(String function, String event) throws Exception {
        return FUNCTIONS.get(function).runtimeApi().enqueue(event).answer().get(30, TimeUnit.SECONDS);
    }

    /** The function error the invocation ended with, as the Runtime API received it. */
    private static JsonNode refusal(String function, String event) {
        ExecutionException failed = assertThrows(ExecutionException.class,
                () -> FUNCTIONS.get(function).runtimeApi().enqueue(event).answer().get(30, TimeUnit.SECONDS));
        assertTrue(failed.getCause() instanceof InvocationError, String.valueOf(failed.getCause()));
        String message = failed.getCause().getMessage();
        try {
            return JSON.readTree(message.substring(message.indexOf('{')));
        } catch (Exception e) {
            throw new AssertionError("Not a function error as JSON: " + message, e);
        }
    }

    /** The problem in a function error, after checking that its {@code errorType} names {@code code}. */
    private static JsonNode problemOf(String code, JsonNode error) throws Exception {
        boolean nativeExecutable = PackagedFunction.Artifact.in(TARGET).isNative();
        assertEquals(nativeExecutable ? code : "io.flowgate.web.invoke.FunctionRefused",
                error.path("errorType").asText(), error.toString());
        JsonNode problem = JSON.readTree(error.path("errorMessage").asText());
        assertEquals(code, problem.path("code").asText(), error.toString());
        return problem;
    }
}
