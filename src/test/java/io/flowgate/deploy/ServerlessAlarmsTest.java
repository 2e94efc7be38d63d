package io.flowgate.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowgate.flow.metrics.MetricNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * serverless.yml's alarms and dashboard watch what the application writes: each alarm exists with its metrics,
 * namespace and threshold, the application's metrics are named as the code names them ({@link MetricNames}) in the
 * namespace the functions are given, the function errors alarm covers every function, the notifications go to the
 * {@code alarmTopicArn} parameter only when it is set, and the dashboard shows every metric of the application.
 */
class ServerlessAlarmsTest {

    static final String NAMESPACE = "${param:metricsNamespace}";
    /** Each alarm: the metrics it reads (by namespace and name) and its threshold, resolved with the defaults. */
    static final Map<String, Alarm> ALARMS = Map.of(
            "FunctionErrorsAlarm", new Alarm("AWS/Lambda", Set.of("Errors"), 1, "GreaterThanOrEqualToThreshold"),
            "SessionControlErrorsAlarm", new Alarm("AWS/Lambda", Set.of("Errors"), 1,
                    "GreaterThanOrEqualToThreshold"),
            "SweepLeftOverAlarm", new Alarm(NAMESPACE, Set.of(MetricNames.SWEEP_LEFT_OVER), 0, "GreaterThanThreshold"),
            "WebhooksGivenUpAlarm", new Alarm(NAMESPACE, Set.of(MetricNames.WEBHOOKS_GIVEN_UP), 1,
                    "GreaterThanOrEqualToThreshold"),
            "VendorErrorRateAlarm", new Alarm(NAMESPACE, Set.of(MetricNames.VENDOR_ERRORS, MetricNames.VENDOR_CALLS), 10,
                    "GreaterThanThreshold"),
            "Api5xxRateAlarm", new Alarm("AWS/ApiGateway", Set.of("5xx", "Count"), 5, "GreaterThanThreshold"));

    record Alarm(String namespace, Set<String> metrics, double threshold, String comparison) {
    }

    private final ServerlessYaml yaml = ServerlessYaml.load();
    private final JsonNode resources = yaml.root().path("resources").path("Resources");
    private final JsonNode resolved = yaml.resolved().path("resources").path("Resources");

    @Test
    void eachAlarmWatchesItsMetricsWithItsThreshold() {
        Map<String, Alarm> found = new TreeMap<>();
        resources.fields().forEachRemaining(resource -> {
            if (resource.getValue().path("Type").asText().equals("AWS::CloudWatch::Alarm")) {
                JsonNode properties = resource.getValue().path("Properties");
                Set<String> namespaces = new TreeSet<>();
                Set<String> metrics = new TreeSet<>();
                for (JsonNode metric : metricsOf(properties)) {
                    namespaces.add(metric.path("Namespace").asText());
                    metrics.add(metric.path("MetricName").asText());
                }
                assertEquals(1, namespaces.size(), resource.getKey() + " reads one namespace");
                JsonNode threshold = resolved.path(resource.getKey()).path("Properties").path("Threshold");
                found.put(resource.getKey(), new Alarm(namespaces.iterator().next(), metrics,
                        Double.parseDouble(threshold.asText()), properties.path("ComparisonOperator").asText()));
            }
        });

        assertEquals(new TreeMap<>(ALARMS), found);
    }

    @Test
    void theApplicationsMetricsAreNamedAsTheCodeNamesThemInTheNamespaceTheFunctionsAreGiven() {
        assertEquals(NAMESPACE, yaml.root().path("provider").path("environment").path("FLOWGATE_METRICS_NAMESPACE")
                .asText());
        resources.fields().forEachRemaining(resource -> {
            for (JsonNode metric : metricsOf(resource.getValue().path("Properties"))) {
                if (metric.path("Namespace").asText().equals(NAMESPACE)) {
                    assertTrue(MetricNames.ALL.contains(metric.path("MetricName").asText()),
                            resource.getKey() + " reads " + metric.path("MetricName") + ", which flowgate never writes");
                }
            }
        });
    }

    /** CloudWatch's hard limit on the metrics one alarm's metric math may read. */
    private static final int METRICS_PER_ALARM = 10;

    @Test
    void theTwoFunctionErrorsAlarmsAddUpTheErrorsOfEveryFunctionEachOnceWithinCloudWatchsLimit() {
        List<String> functions = new ArrayList<>();
        for (String alarm : List.of("FunctionErrorsAlarm", "SessionControlErrorsAlarm")) {
            JsonNode properties = resources.path(alarm).path("Properties");
            List<JsonNode> read = metricsOf(properties);
            assertTrue(read.size() <= METRICS_PER_ALARM, alarm + " reads " + read.size() + " metrics");
            for (JsonNode metric : read) {
                String name = metric.path("Dimensions").path(0).path("Value").asText();
                assertEquals("FunctionName", metric.path("Dimensions").path(0).path("Name").asText());
                assertTrue(name.startsWith("${self:service}-${sls:stage}-"), name);
                functions.add(name.substring("${self:service}-${sls:stage}-".length()));
            }
            assertEquals("SUM(METRICS())", properties.path("Metrics").path(0).path("Expression").asText());
        }
        assertEquals(yaml.functions().keySet(), new TreeSet<>(functions));
        assertEquals(yaml.functions().size(), functions.size(), "each function in one alarm: " + functions);
    }

    @Test
    void alarmsNotifyTheTopicParameterOnlyWhenItIsSet() {
        assertEquals("", yaml.root().path("params").path("default").path("alarmTopicArn").asText("absent"));
        assertEquals("{\"Fn::Not\":[{\"Fn::Equals\":[\"${param:alarmTopicArn}\",\"\"]}]}",
                yaml.root().path("resources").path("Conditions").path("AlarmsNotify").toString());
        String notify = "{\"Fn::If\":[\"AlarmsNotify\",[\"${param:alarmTopicArn}\"],{\"Ref\":\"AWS::NoValue\"}]}";
        for (String alarm : ALARMS.keySet()) {
            JsonNode properties = resources.path(alarm).path("Properties");
            assertEquals(notify, properties.path("AlarmActions").toString(), alarm);
            assertEquals(notify, properties.path("OKActions").toString(), alarm);
        }
    }

    @Test
    void theDashboardShowsEveryMetricOfTheApplicationAndTheAlarms() throws Exception {
        JsonNode body = new ObjectMapper().readTree(resources.path("Dashboard").path("Properties").path("DashboardBody")
                .path("Fn::Sub").path(0).asText());
        Set<String> shown = new TreeSet<>();
        List<String> alarms = new ArrayList<>();
        for (JsonNode widget : body.path("widgets")) {
            shown.addAll(namesIn(widget.path("properties").path("metrics"), NAMESPACE));
            widget.path("properties").path("alarms").forEach(arn -> alarms.add(arn.asText()));
        }
        assertEquals(new TreeSet<>(MetricNames.ALL), shown);
        List<String> expectedAlarms = new ArrayList<>();
        for (String alarm : ALARMS.keySet()) {
            expectedAlarms.add("arn:${AWS::Partition}:cloudwatch:${AWS::Region}:${AWS::AccountId}:alarm:"
                    + resources.path(alarm).path("Properties").path("AlarmName").asText());
        }
        assertEquals(new TreeSet<>(expectedAlarms), new TreeSet<>(alarms));
    }

    /** The metrics an alarm reads: its own, or those of its metric math. */
    static List<JsonNode> metricsOf(JsonNode alarm) {
        List<JsonNode> metrics = new ArrayList<>();
        if (alarm.has("MetricName")) {
            metrics.add(alarm);
        }
        for (JsonNode query : alarm.path("Metrics")) {
            if (query.has("MetricStat")) {
                metrics.add(query.path("MetricStat").path("Metric"));
            }
        }
        return metrics;
    }

    /**
     * The names of a widget's metrics in the namespace: each row is [namespace, name, dimension pairs..., options],
     * where "." repeats the previous row's element at that place and "..." the previous row's whole metric.
     */
    static Set<String> namesIn(JsonNode rows, String namespace) {
        Set<String> names = new TreeSet<>();
        List<String> previous = List.of();
        for (JsonNode row : rows) {
            List<String> current = new ArrayList<>();
            for (JsonNode element : row) {
                if (element.isObject()) {
                    continue;
                }
                if (element.asText().equals("...")) {
                    current.addAll(previous);
                } else if (element.asText().equals(".")) {
                    current.add(previous.get(current.size()));
                } else {
                    current.add(element.asText());
                }
            }
            if (current.get(0).equals(namespace)) {
                names.add(current.get(1));
            }
            previous = current;
        }
        return names;
    }
}
