package io.flowgate.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerlessRuntimeTest {

    /** The handler of Quarkus' Lambda binding on a Java runtime (target/sam.jvm.yaml). */
    static final String JVM_HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";
    /** An HTTP API waits at most 29 s for a function; the framework warns from 29 s on. */
    static final int GATEWAY_SECONDS = 29;

    private final ServerlessYaml yaml = ServerlessYaml.load();
    private final ConfigProperties config = ConfigProperties.ofFlowgate();

    @Test
    void deploysTheNativeZipOnProvidedAl2023ByDefault() {
        JsonNode resolved = yaml.resolved();

        assertEquals("target/function.zip", resolved.path("package").path("artifact").asText());
        assertEquals("provided.al2023", resolved.path("provider").path("runtime").asText());
        assertEquals("x86_64", resolved.path("provider").path("architecture").asText());
        resolved.path("functions").forEach(function -> {
            assertEquals("not.used.in.provided.runtime", function.path("handler").asText());
            assertEquals(false, function.path("snapStart").asBoolean());
        });
    }

    @Test
    void deploysTheJvmVariantOnJava21WithQuarkusStreamHandlerAndSnapStart() {
        JsonNode resolved = yaml.resolved(Map.of("variant", "jvm"));

        assertEquals("java21", resolved.path("provider").path("runtime").asText());
        resolved.path("functions").forEach(function -> {
            assertEquals(JVM_HANDLER, function.path("handler").asText());
            assertEquals(true, function.path("snapStart").asBoolean());
            assertEquals(1024, function.path("memorySize").asInt());
        });
    }

    @Test
    void givesEachFunctionItsOwnMemory() {
        JsonNode functions = yaml.resolved().path("functions");

        assertEquals(List.of(512, 256, 256, 256, 256), List.of(
                functions.path("createSession").path("memorySize").asInt(),
                functions.path("getResult").path("memorySize").asInt(),
                functions.path("collectResult").path("memorySize").asInt(),
                functions.path("callback").path("memorySize").asInt(),
                functions.path("sweep").path("memorySize").asInt()));
    }

    @Test
    void givesTheFunctionsThatCallTheVendorMoreTimeThanItsTimeoutsWithinTheGatewaysLimit() {
        Duration vendor = config.defaultDuration("flowgate.upstream.connect-timeout")
                .plus(config.defaultDuration("flowgate.upstream.read-timeout"));

        assertTrue(timeout("createSession").compareTo(vendor) > 0, "createSession");
        assertTrue(timeout("collectResult").compareTo(vendor) > 0, "collectResult");
        assertTrue(timeout("callback").compareTo(config.defaultDuration("flowgate.callback.collect-budget")) > 0);
        for (String function : List.of("createSession", "getResult", "collectResult", "callback", "video",
                "listFailedWebhooks", "resendWebhook", "cancelSession", "resumeSession",
                "listSessions", "redactSession", "reviewSession")) {
            assertTrue(timeout(function).toSeconds() < GATEWAY_SECONDS, function);
        }
        assertTrue(config.defaultDuration("flowgate.budget.http-answer").toSeconds() <= GATEWAY_SECONDS);
    }

    @Test
    void givesTheScheduledFunctionsTheirWholeTimeBudgetAndTheReserve() {
        Duration reserve = config.defaultDuration("flowgate.budget.reserve");

        assertTrue(timeout("sweep").compareTo(config.defaultDuration("flowgate.sweep.time-budget").plus(reserve)) >= 0);
        assertTrue(timeout("deliverWebhooks")
                .compareTo(config.defaultDuration("flowgate.webhooks.time-budget").plus(reserve)) >= 0);
    }

    @Test
    void givesTheSweepTimeForAWholeBatchOfSlowVendorCalls() {
        Duration perSession = config.defaultDuration("flowgate.upstream.connect-timeout")
                .plus(config.defaultDuration("flowgate.upstream.read-timeout"));
        int batch = Integer.parseInt(config.defaultOf("flowgate.sweep.batch-size"));

        assertTrue(timeout("sweep").compareTo(perSession.multipliedBy(batch)) > 0);
        assertTrue(timeout("sweep").toSeconds() <= 900, "Lambda's limit");
    }

    @Test
    void throttlesEachRouteOfTheGatewaysDefaultStageAndThePublicCallbackBelowTheOthers() {
        JsonNode stage = yaml.resolved().path("resources").path("extensions").path("HttpApiStage").path("Properties");
        JsonNode every = stage.path("DefaultRouteSettings");
        JsonNode callback = stage.path("RouteSettings").path("GET /callback");

        assertEquals("50", every.path("ThrottlingRateLimit").asText());
        assertEquals("100", every.path("ThrottlingBurstLimit").asText());
        assertEquals("20", callback.path("ThrottlingRateLimit").asText());
        assertEquals("40", callback.path("ThrottlingBurstLimit").asText());
    }

    @Test
    void dropsAScheduledRunThatCouldNotStartWithinAMinuteInsteadOfQueueingIt() {
        for (String function : List.of("sweep", "deliverWebhooks")) {
            JsonNode config = yaml.resolved().path("functions").path(function);
            assertEquals(60, config.path("maximumEventAge").asInt(), function);
            assertEquals(0, config.path("maximumRetryAttempts").asInt(), function);
        }
    }

    @Test
    void publishesVersionsOnlyForSnapStart() {
        assertEquals("false", yaml.resolved().path("provider").path("versionFunctions").asText());
        assertEquals("true", yaml.resolved(Map.of("variant", "jvm")).path("provider").path("versionFunctions").asText());
    }

    @Test
    void logsEveryApiRequestWithoutItsQueryStringOrHeaders() {
        String format = yaml.resolved().path("provider").path("logs").path("httpApi").path("format").asText();

        assertTrue(format.contains("\"requestId\":\"$context.requestId\""), format);
        assertTrue(format.contains("\"status\":\"$context.status\""), format);
        for (String leak : List.of("$context.path", "rawQueryString", "querystring", "header", "$input")) {
            assertTrue(!format.toLowerCase().contains(leak.toLowerCase()), leak + " in " + format);
        }
    }

    private Duration timeout(String function) {
        return Duration.ofSeconds(yaml.resolved().path("functions").path(function).path("timeout").asInt());
    }
}
