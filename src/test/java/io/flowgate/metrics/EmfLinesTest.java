package io.flowgate.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowgate.config.MetricsConfig;
import io.flowgate.flow.metrics.MetricNames;
import io.flowgate.flow.metrics.Metrics;
import io.flowgate.store.SessionRecord;
import io.flowgate.store.SessionStatus;
import io.flowgate.testsupport.EmfDocuments;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The metric lines as CloudWatch Logs reads them: one valid EMF document a line, every metric of flowgate. */
class EmfLinesTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:15:30.123Z");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @Test
    void writesASessionCreatedAsOneEmfLineByFlowAndInAll() {
        metrics(config(true, "flowgate")).sessionCreated("individuals");

        assertEquals(List.of("{\"_aws\":{\"Timestamp\":" + NOW.toEpochMilli() + ",\"CloudWatchMetrics\":[{"
                + "\"Namespace\":\"flowgate\",\"Dimensions\":[[\"flow\"],[]],"
                + "\"Metrics\":[{\"Name\":\"SessionsCreated\",\"Unit\":\"Count\"}]}]},"
                + "\"function\":\"createSession\",\"flow\":\"individuals\",\"SessionsCreated\":1}"), lines());
    }

    @Test
    void everyMetricOfFlowgateIsWrittenAsAValidEmfDocumentInTheConfiguredNamespace() {
        Metrics metrics = metrics(config(true, "flowgate-staging"));
        metrics.sessionCreated("individuals");
        metrics.sessionFinished(session(SessionStatus.COMPLETED, "approved"));
        metrics.sessionFinished(session(SessionStatus.EXPIRED, "declined"));
        metrics.sessionFinished(session(SessionStatus.CANCELLED, "declined"));
        metrics.vendorCall("create", "ok", false, 120);
        metrics.vendorCall("result", "timeout", true, 10_000);
        metrics.webhookAttempt("individuals", "failed");
        metrics.sweep(5, 3, 1, 1);
        metrics.videoCopy(true);
        metrics.videoCopy(false);
        metrics.coldStart("createSession");

        List<String> lines = lines();
        Set<String> names = new TreeSet<>();
        for (String line : lines) {
            assertEquals(List.of(), EmfDocuments.problems(line), line);
            assertTrue(line.contains("\"Namespace\":\"flowgate-staging\""), line);
            names.addAll(EmfDocuments.metricNames(line));
        }
        assertEquals(new TreeSet<>(MetricNames.ALL), names);
        assertEquals(14, lines.size());
    }

    @Test
    void theVendorsCallCarriesItsLatencyInMillisecondsAndItsErrorAsZeroOrOne() {
        metrics(config(true, "flowgate")).vendorCall("result", "server_error", true, 250);

        String line = lines().get(0);
        assertTrue(line.contains("\"Dimensions\":[[\"endpoint\",\"outcome\"],[]]"), line);
        assertTrue(line.contains("{\"Name\":\"VendorLatency\",\"Unit\":\"Milliseconds\"}"), line);
        assertTrue(line.endsWith("\"endpoint\":\"result\",\"outcome\":\"server_error\",\"VendorCalls\":1,"
                + "\"VendorErrors\":1,\"VendorLatency\":250}"), line);
    }

    @Test
    void theColdStartIsCountedByFunction() {
        metrics(config(true, "flowgate")).coldStart("sweep");

        String line = lines().get(0);
        assertEquals(List.of(), EmfDocuments.problems(line));
        assertTrue(line.contains("\"Dimensions\":[[\"function\"]]"), line);
        assertTrue(line.endsWith(",\"function\":\"sweep\",\"ColdStarts\":1}"), line);
    }

    @Test
    void aMissingDimensionValueIsWrittenAsUnknownRatherThanLosingTheMetric() {
        metrics(config(true, "flowgate")).webhookAttempt(null, "delivered");

        String line = lines().get(0);
        assertEquals(List.of(), EmfDocuments.problems(line));
        assertTrue(line.endsWith("\"flow\":\"unknown\",\"WebhookAttempts\":1,\"WebhookFailures\":0,"
                + "\"WebhooksGivenUp\":0}"), line);
    }

    @Test
    void writesNothingWhenDisabled() {
        metrics(config(false, "flowgate")).sessionCreated("individuals");

        assertEquals(List.of(), lines());
    }

    @Test
    void refusesANamespaceCloudWatchWouldRefuse() {
        assertThrows(IllegalArgumentException.class, () -> metrics(config(true, "")));
        assertThrows(IllegalArgumentException.class, () -> metrics(config(true, ":flowgate")));
        assertThrows(IllegalArgumentException.class, () -> metrics(config(true, "f".repeat(256))));
    }

    @Test
    void theSchemaRefusesADocumentWithoutItsTimestampOrWithAMetricWithoutValue() {
        assertEquals(1, EmfDocuments.problems("{\"_aws\":{\"CloudWatchMetrics\":[]}}").size());
        assertEquals(List.of("metric \"Calls\" has no numeric value"), EmfDocuments.problems(
                "{\"_aws\":{\"Timestamp\":1,\"CloudWatchMetrics\":[{\"Namespace\":\"n\",\"Dimensions\":[[]],"
                        + "\"Metrics\":[{\"Name\":\"Calls\",\"Unit\":\"Count\"}]}]},\"Calls\":\"1\"}"));
        assertEquals(1, EmfDocuments.problems(
                "{\"_aws\":{\"Timestamp\":1,\"CloudWatchMetrics\":[{\"Namespace\":\"n\",\"Dimensions\":[[]],"
                        + "\"Metrics\":[{\"Name\":\"Calls\",\"Unit\":\"Pieces\"}]}]},\"Calls\":1}").size());
    }

    private Metrics metrics(MetricsConfig config) {
        return new Metrics(new EmfLines(config, "createSession", Clock.fixed(NOW, ZoneOffset.UTC),
                new PrintStream(out, true, StandardCharsets.UTF_8)));
    }

    private List<String> lines() {
        String text = out.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : Arrays.asList(text.split(System.lineSeparator()));
    }

    private static SessionRecord session(SessionStatus status, String decision) {
        Instant created = NOW.minusSeconds(600);
        return SessionRecord.created("s-1", "individuals", "tests", null, List.of("LD"), List.of(), created,
                created.plusSeconds(900), null, "ru", created.plusSeconds(120))
                .next(status, null, NOW, NOW, "{}", decision, List.of(), null);
    }

    private static MetricsConfig config(boolean enabled, String namespace) {
        return new MetricsConfig() {
            @Override
            public boolean enabled() {
                return enabled;
            }

            @Override
            public String namespace() {
                return namespace;
            }
        };
    }
}
