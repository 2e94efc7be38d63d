package io.flowgate.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks CloudWatch Embedded Metric Format documents: against the JSON schema of the specification
 * ({@code src/test/resources/emf/embedded-metric-format.schema.json}), and for what the specification requires
 * beyond it: every dimension and metric a directive names is a member of the root node, a dimension's a string of at
 * most 1024 characters, a metric's a number (or an array of at most 100 numbers).
 */
public final class EmfDocuments {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema SCHEMA = schema();

    private EmfDocuments() {
    }

    /** Whether the line is meant as an EMF document: a JSON object with an {@code _aws} member. */
    public static boolean isEmf(String line) {
        if (!line.startsWith("{") || !line.contains("\"_aws\"")) {
            return false;
        }
        try {
            return JSON.readTree(line).has("_aws");
        } catch (IOException notJson) {
            return false;
        }
    }

    /** What is wrong with the document (empty: a valid EMF document). */
    public static List<String> problems(String line) {
        JsonNode document;
        try {
            document = JSON.readTree(line);
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        for (ValidationMessage message : SCHEMA.validate(document)) {
            problems.add(message.getMessage());
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        for (JsonNode directive : document.path("_aws").path("CloudWatchMetrics")) {
            for (JsonNode set : directive.path("Dimensions")) {
                for (JsonNode key : set) {
                    JsonNode target = document.get(key.asText());
                    if (target == null || !target.isTextual() || target.asText().length() > 1024) {
                        problems.add("dimension " + key + " has no string value of at most 1024 characters");
                    }
                }
            }
            for (JsonNode metric : directive.path("Metrics")) {
                JsonNode target = document.get(metric.path("Name").asText());
                boolean numbers = target != null && target.isArray() && target.size() <= 100;
                if (numbers) {
                    for (JsonNode value : target) {
                        numbers &= value.isNumber();
                    }
                }
                if (target == null || !(target.isNumber() || numbers)) {
                    problems.add("metric " + metric.path("Name") + " has no numeric value");
                }
            }
        }
        return problems;
    }

    /** The names of the metrics the document defines. */
    public static Set<String> metricNames(String line) {
        Set<String> names = new TreeSet<>();
        try {
            for (JsonNode directive : JSON.readTree(line).path("_aws").path("CloudWatchMetrics")) {
                for (JsonNode metric : directive.path("Metrics")) {
                    names.add(metric.path("Name").asText());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    private static JsonSchema schema() {
        try (InputStream in = EmfDocuments.class.getResourceAsStream("/emf/embedded-metric-format.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
