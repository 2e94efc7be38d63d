package io.flowgate.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code serverless.yml} as a tree, with the framework's {@code ${self:…}} and {@code ${param:…}}
 * variables resolved on request (the others, {@code ${ssm:…}}, {@code ${sls:…}}, {@code ${opt:…}},
 * are resolved at deploy time and stay as written).
 */
public final class ServerlessYaml {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final Path FILE = Path.of("serverless.yml");

    private static final Pattern LOCAL_VARIABLE = Pattern.compile("\\$\\{(self|param):([A-Za-z0-9._-]+)}");

    private final JsonNode root;

    private ServerlessYaml(JsonNode root) {
        this.root = root;
    }

    public static ServerlessYaml load() {
        try {
            return new ServerlessYaml(YAML.readTree(FILE.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy to change in a test. */
    ObjectNode mutableCopy() {
        return (ObjectNode) root.deepCopy();
    }

    static ServerlessYaml of(JsonNode root) {
        return new ServerlessYaml(root);
    }

    JsonNode root() {
        return root;
    }

    /** The schedule expression of {@code function}'s schedule event ({@code rate(...)}), resolved. */
    public String schedule(String function) {
        return resolved().path("functions").path(function).path("events").get(0).path("schedule").asText();
    }

    Map<String, JsonNode> functions() {
        Map<String, JsonNode> functions = new LinkedHashMap<>();
        root.path("functions").fields().forEachRemaining(entry -> functions.put(entry.getKey(), entry.getValue()));
        return functions;
    }

    /** A function's HTTP routes as {@code METHOD /path}. */
    Set<String> routes(String function) {
        Set<String> routes = new LinkedHashSet<>();
        for (JsonNode event : root.path("functions").path(function).path("events")) {
            JsonNode httpApi = event.get("httpApi");
            if (httpApi != null) {
                routes.add(httpApi.isTextual() ? httpApi.asText()
                        : httpApi.path("method").asText().toUpperCase() + " " + httpApi.path("path").asText());
            }
        }
        return routes;
    }

    /** The httpApi event of a route, or null. */
    JsonNode httpApiEvent(String function, String route) {
        for (JsonNode event : root.path("functions").path(function).path("events")) {
            JsonNode httpApi = event.get("httpApi");
            if (httpApi != null && httpApi.isObject()
                    && route.equals(httpApi.path("method").asText().toUpperCase() + " " + httpApi.path("path").asText())) {
                return httpApi;
            }
        }
        return null;
    }

    /** The file with {@code ${self:…}} and {@code ${param:…}} resolved, the given params over {@code params.default}. */
    JsonNode resolved(Map<String, String> params) {
        return resolve(root, params);
    }

    /** Resolved for the default params. */
    JsonNode resolved() {
        return resolved(Map.of());
    }

    private JsonNode resolve(JsonNode node, Map<String, String> params) {
        if (node.isTextual()) {
            return resolveText(node.asText(), params);
        }
        if (node.isObject()) {
            ObjectNode copy = YAML.createObjectNode();
            node.fields().forEachRemaining(entry -> copy.set(entry.getKey(), resolve(entry.getValue(), params)));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = YAML.createArrayNode();
            node.forEach(item -> copy.add(resolve(item, params)));
            return copy;
        }
        return node;
    }

    private JsonNode resolveText(String text, Map<String, String> params) {
        Matcher variable = LOCAL_VARIABLE.matcher(text);
        if (!variable.find()) {
            return TextNode.valueOf(text);
        }
        JsonNode value = lookup(variable.group(1), variable.group(2), params);
        if (variable.start() == 0 && variable.end() == text.length()) {
            return resolve(value, params);
        }
        JsonNode resolvedValue = resolve(value, params);
        if (resolvedValue.isContainerNode()) {
            throw new IllegalStateException("An object inside a string: " + text);
        }
        return resolveText(text.substring(0, variable.start()) + resolvedValue.asText() + text.substring(variable.end()),
                params);
    }

    private JsonNode lookup(String source, String address, Map<String, String> params) {
        if (source.equals("param")) {
            if (params.containsKey(address)) {
                return TextNode.valueOf(params.get(address));
            }
            return required(root.path("params").path("default").path(address), "${param:" + address + "}");
        }
        JsonNode node = root;
        for (String part : address.split("\\.")) {
            node = (node.isTextual() ? resolve(node, params) : node).path(part);
        }
        return required(node, "${self:" + address + "}");
    }

    private static JsonNode required(JsonNode node, String variable) {
        if (node.isMissingNode()) {
            throw new IllegalStateException(variable + " resolves to nothing");
        }
        return node;
    }
}
