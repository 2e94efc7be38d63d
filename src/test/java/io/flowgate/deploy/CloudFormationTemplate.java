package io.flowgate.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * A CloudFormation template the Serverless Framework generated, read as the deployment will be: its Lambda
 * functions by the names serverless.yml gives them, what invokes each of them (HTTP API routes, schedules) and
 * with which qualifier ({@code $LATEST}, or the {@code snapstart} alias of the JVM variant), and what each
 * function's role allows.
 */
final class CloudFormationTemplate {

    /** The qualifier of an unqualified function ARN. */
    static final String LATEST = "$LATEST";

    private final JsonNode root;
    private final String functionNamePrefix;

    /** What invokes a function: its name, and the version or alias invoked. */
    record Invocation(String function, String qualifier) {
    }

    CloudFormationTemplate(JsonNode root, String functionNamePrefix) {
        this.root = root;
        this.functionNamePrefix = functionNamePrefix;
    }

    /** {@code functionNamePrefix}: {@code <service>-<stage>-}, before serverless.yml's name of a function. */
    static CloudFormationTemplate read(Path file, String functionNamePrefix) throws IOException {
        return new CloudFormationTemplate(new ObjectMapper().readTree(file.toFile()), functionNamePrefix);
    }

    JsonNode root() {
        return root;
    }

    /** The resources of a type, by logical id. */
    Map<String, JsonNode> resources(String type) {
        Map<String, JsonNode> resources = new TreeMap<>();
        root.path("Resources").fields().forEachRemaining(entry -> {
            if (entry.getValue().path("Type").asText().equals(type)) {
                resources.put(entry.getKey(), entry.getValue());
            }
        });
        return resources;
    }

    /** The Lambda functions' properties, by serverless.yml's name of each. */
    Map<String, JsonNode> functions() {
        Map<String, JsonNode> functions = new TreeMap<>();
        resources("AWS::Lambda::Function").forEach((logicalId, function) ->
                functions.put(functionName(logicalId), function.path("Properties")));
        return functions;
    }

    /** Each HTTP API route key, and what it invokes. */
    Map<String, Invocation> routes() {
        Map<String, Invocation> routes = new TreeMap<>();
        resources("AWS::ApiGatewayV2::Route").values().forEach(route -> {
            JsonNode properties = route.path("Properties");
            String integration = properties.path("Target").path("Fn::Join").path(1).path(1).path("Ref").asText();
            JsonNode uri = root.path("Resources").path(integration).path("Properties").path("IntegrationUri");
            routes.put(properties.path("RouteKey").asText(), invocation(uri));
        });
        return routes;
    }

    /** The route's authorization type ({@code NONE} when the template names none, as API Gateway reads it). */
    String authorization(String routeKey) {
        for (JsonNode route : resources("AWS::ApiGatewayV2::Route").values()) {
            if (route.path("Properties").path("RouteKey").asText().equals(routeKey)) {
                return route.path("Properties").path("AuthorizationType").asText("NONE");
            }
        }
        throw new IllegalArgumentException("no route " + routeKey);
    }

    /** Each function's EventBridge schedules, as {@code <expression> -> <qualifier>}. */
    Map<String, List<String>> schedules() {
        Map<String, List<String>> schedules = new TreeMap<>();
        resources("AWS::Events::Rule").values().forEach(rule -> {
            JsonNode properties = rule.path("Properties");
            for (JsonNode target : properties.path("Targets")) {
                Invocation invoked = invocation(target.path("Arn"));
                schedules.computeIfAbsent(invoked.function(), f -> new ArrayList<>())
                        .add(properties.path("ScheduleExpression").asText() + " -> " + invoked.qualifier());
            }
        });
        return schedules;
    }

    /** The targets of the schedules, each as written (to check that none hands the function an input of ours). */
    List<JsonNode> scheduleTargets() {
        List<JsonNode> targets = new ArrayList<>();
        resources("AWS::Events::Rule").values()
                .forEach(rule -> rule.path("Properties").path("Targets").forEach(targets::add));
        return targets;
    }

    /** The asynchronous invocation settings (AWS::Lambda::EventInvokeConfig) by function. */
    Map<String, JsonNode> eventInvokeConfigs() {
        Map<String, JsonNode> configs = new TreeMap<>();
        resources("AWS::Lambda::EventInvokeConfig").values().forEach(config -> {
            JsonNode properties = config.path("Properties");
            configs.put(invocation(properties.path("FunctionName")).function(), properties);
        });
        return configs;
    }

    /** The logical id of the role a function runs with. */
    String roleOf(String function) {
        JsonNode role = functions().get(function).path("Role").path("Fn::GetAtt");
        if (!role.isArray() || !role.path(1).asText().equals("Arn")) {
            throw new IllegalStateException(function + " runs with a role not defined in the template: "
                    + functions().get(function).path("Role"));
        }
        return role.path(0).asText();
    }

    /**
     * What the role of {@code function} allows, as {@code "<action> on <resource>"} in the words of
     * {@link DeploymentChecks#describe} ({@code table}, {@code bucket/videos/*}, {@code log-group:<function>}; an
     * {@code Fn::Sub} as its text; anything else as its JSON); only Allow statements.
     */
    Set<String> grants(String function) {
        Set<String> grants = new TreeSet<>();
        statements(function, statement -> {
            if (statement.path("Effect").asText().equals("Allow")) {
                for (JsonNode action : list(statement.path("Action"))) {
                    for (JsonNode resource : list(statement.path("Resource"))) {
                        grants.add(action.asText() + " on " + describe(resource));
                    }
                }
            }
        });
        return grants;
    }

    /** Whether the role of {@code function} allows {@code action} on a resource whose description matches. */
    boolean allows(String function, String action, Pattern resource) {
        return grants(function).stream().anyMatch(grant -> grant.startsWith(action + " on ")
                && resource.matcher(grant.substring(action.length() + " on ".length())).matches());
    }

    /** The effect of every statement of the role of {@code function}. */
    Set<String> effects(String function) {
        Set<String> effects = new TreeSet<>();
        statements(function, statement -> effects.add(statement.path("Effect").asText()));
        return effects;
    }

    /** Every string value of the template (keys excepted), by its JSON Pointer. */
    Map<String, String> strings() {
        Map<String, String> strings = new LinkedHashMap<>();
        collectStrings(root, "", strings);
        return strings;
    }

    private void statements(String function, Consumer<JsonNode> action) {
        JsonNode role = root.path("Resources").path(roleOf(function));
        for (JsonNode policy : role.path("Properties").path("Policies")) {
            policy.path("PolicyDocument").path("Statement").forEach(action);
        }
    }

    /** The function and qualifier an ARN expression, a {@code Ref} or a {@code Fn::GetAtt} of a function, names. */
    Invocation invocation(JsonNode arn) {
        JsonNode join = arn.path("Fn::Join");
        if (join.isArray() && join.path(0).asText().equals(":") && join.path(1).size() == 2) {
            return new Invocation(invocation(join.path(1).path(0)).function(), join.path(1).path(1).asText());
        }
        String logicalId = arn.has("Ref") ? arn.path("Ref").asText()
                : arn.path("Fn::GetAtt").path(1).asText().equals("Arn") ? arn.path("Fn::GetAtt").path(0).asText() : "";
        if (!root.path("Resources").path(logicalId).path("Type").asText().equals("AWS::Lambda::Function")) {
            throw new IllegalStateException("not a function of the template: " + arn);
        }
        return new Invocation(functionName(logicalId), LATEST);
    }

    private String functionName(String logicalId) {
        String name = root.path("Resources").path(logicalId).path("Properties").path("FunctionName").asText();
        if (!name.startsWith(functionNamePrefix)) {
            throw new IllegalStateException(logicalId + " is named " + name + ", not " + functionNamePrefix + "<name>");
        }
        return name.substring(functionNamePrefix.length());
    }

    private static String describe(JsonNode resource) {
        JsonNode sub = resource.path("Fn::Sub");
        if (sub.isTextual()) {
            return sub.asText();
        }
        if (sub.isArray() && sub.path(0).isTextual()) {
            return sub.path(0).asText();
        }
        return DeploymentChecks.describe(resource);
    }

    private static List<JsonNode> list(JsonNode node) {
        List<JsonNode> items = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(items::add);
        } else if (!node.isMissingNode()) {
            items.add(node);
        }
        return items;
    }

    private static void collectStrings(JsonNode node, String pointer, Map<String, String> strings) {
        if (node.isTextual()) {
            strings.put(pointer, node.asText());
        } else if (node.isObject()) {
            node.fields().forEachRemaining(field -> collectStrings(field.getValue(),
                    pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1"), strings));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectStrings(node.get(i), pointer + "/" + i, strings);
            }
        }
    }
}
