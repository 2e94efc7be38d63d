package io.flowgate.packaging;

import static io.flowgate.journey.Journeys.collectResult;
import static io.flowgate.journey.Journeys.createSession;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowgate.flow.metrics.MetricNames;
import io.flowgate.testsupport.EmfDocuments;
import io.flowgate.testsupport.FakeIins;
import io.flowgate.testsupport.lambda.LambdaStack;
import io.flowgate.testsupport.lambda.StubVendor;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The metrics of the packaged artifact as CloudWatch Logs would read them from the function's output: after a
 * createSession and a collectResult, valid EMF lines (the specification's JSON schema) in the configured namespace,
 * with the expected metric names, and nothing in them but the names and values they declare: no session id,
 * reference, IIN or phone.
 */
class MetricsIT {

    private static final Path TARGET = Path.of(System.getProperty("flowgate.target", "target"));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IIN = FakeIins.valid(16);
    private static final String PHONE_DIGITS = "7000000016";

    private static StubVendor vendor;
    private static LambdaStack lambda;

    @BeforeAll
    static void startThePackagedFunction() throws Exception {
        vendor = new StubVendor();
        lambda = LambdaStack.startPackaged(TARGET, MetricsIT::configuration, TARGET.resolve("metrics-it"));
        PackagedSetup.callThrough(lambda);
    }

    private static Map<String, String> configuration(String publicUrl) {
        Map<String, String> properties = PackagedSetup.configuration("metrics-it", publicUrl, vendor);
        properties.put("flowgate.metrics.namespace", "flowgate-it");
        return properties;
    }

    @AfterAll
    static void stop() throws Exception {
        PackagedSetup.closeAll(lambda, vendor);
    }

    @Test
    void writesValidEmfLinesOfTheSessionsJourneyWithoutPersonalData() throws Exception {
        String reference = "metrics-" + UUID.randomUUID();
        String sessionId = createSession("{\"flow\":\"individuals\",\"reference\":\"" + reference + "\","
                + "\"prefill\":{\"iin\":{\"value\":\"" + IIN + "\"},\"phone\":{\"value\":\"+7" + PHONE_DIGITS
                + "\"}}}").then().statusCode(200).extract().path("sessionId");
        collectResult(sessionId).then().statusCode(200).body("status", equalTo("COMPLETED"));

        List<String> lines = lambda.output().lines().filter(EmfDocuments::isEmf).toList();
        Set<String> names = new TreeSet<>();
        for (String line : lines) {
            assertEquals(List.of(), EmfDocuments.problems(line), line);
            JsonNode document = JSON.readTree(line);
            assertEquals("flowgate-it", document.at("/_aws/CloudWatchMetrics/0/Namespace").asText(), line);
            assertEquals(declaredMembers(document), members(document), "nothing but what the document declares");
            for (String personal : List.of(sessionId, reference, IIN, PHONE_DIGITS, "+7" + PHONE_DIGITS)) {
                assertFalse(line.contains(personal), line);
            }
            names.addAll(EmfDocuments.metricNames(line));
        }
        assertTrue(names.containsAll(Set.of(MetricNames.COLD_STARTS, MetricNames.SESSIONS_CREATED,
                MetricNames.VENDOR_CALLS, MetricNames.VENDOR_LATENCY, MetricNames.SESSIONS_COMPLETED,
                MetricNames.DECISIONS)), names + " in " + lines);
        JsonNode created = lines.stream().map(MetricsIT::read).filter(d -> d.has(MetricNames.SESSIONS_CREATED))
                .findFirst().orElseThrow();
        assertEquals("individuals", created.path("flow").asText());
        assertEquals(1, created.path(MetricNames.SESSIONS_CREATED).asInt());
    }

    /** The members of the root node. */
    private static Set<String> members(JsonNode document) {
        Set<String> members = new HashSet<>();
        document.fieldNames().forEachRemaining(members::add);
        return members;
    }

    /** {@code _aws}, {@code function}, and the dimensions and metrics its directives name. */
    private static Set<String> declaredMembers(JsonNode document) {
        Set<String> declared = new HashSet<>(Set.of("_aws", MetricNames.FUNCTION));
        for (JsonNode directive : document.at("/_aws/CloudWatchMetrics")) {
            directive.path("Dimensions").forEach(set -> set.forEach(key -> declared.add(key.asText())));
            directive.path("Metrics").forEach(metric -> declared.add(metric.path("Name").asText()));
        }
        return declared;
    }

    private static JsonNode read(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError(line, e);
        }
    }
}
