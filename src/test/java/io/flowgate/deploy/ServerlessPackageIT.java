package io.flowgate.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowgate.deploy.CloudFormationTemplate.Invocation;
import io.flowgate.flow.metrics.MetricNames;
import io.flowgate.web.FunctionRoutes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Serverless Framework itself packages serverless.yml, both variants, offline (docs/testing.md), and the
 * CloudFormation it generates deploys what the application is: each of its functions on the variant's runtime and
 * knowing its own name, exactly its public routes each on its own function, the scheduled functions on their
 * schedules and nothing else on one, each function with its own least-privilege role, SnapStart on the JVM variant
 * only, no secret in the template, and the alarms and the dashboard on the metrics the application writes.
 */
class ServerlessPackageIT {

    static final List<String> VARIANTS = List.of("native", "jvm");
    /** The scheduled functions and their EventBridge rate expressions. */
    static final Map<String, String> SCHEDULES = Map.of(
            "sweep", "rate(5 minutes)", "deliverWebhooks", "rate(1 minute)");
    /** What a JVM function is invoked through: the alias of its SnapStart snapshot. */
    static final String SNAPSTART_ALIAS = "snapstart";

    private static final Map<String, String> RUNTIMES = Map.of("native", "provided.al2023", "jvm", "java21");
    private static final Map<String, String> HANDLERS = Map.of("native", "not.used.in.provided.runtime",
            "jvm", ServerlessRuntimeTest.JVM_HANDLER);
    /** An unresolved variable of the framework's. */
    private static final Pattern FRAMEWORK_VARIABLE =
            Pattern.compile("\\$\\{(ssm|param|self|opt|sls|env|aws|file|cf|s3):");
    /** A flow API key is 47+ characters (reference/flow-remote-api.md); a SHA-256 in hex is 64. */
    private static final Pattern KEY_LIKE = Pattern.compile("[A-Za-z0-9_+=-]{40,}");

    private static Map<String, CloudFormationTemplate> templates;
    /** The native variant with the tracing parameter on. */
    private static CloudFormationTemplate traced;

    /** Failsafe runs this after packaging and sets the property; a {@code -Dtest=…} pattern in surefire does not. */
    @BeforeAll
    static void packageBothVariants() throws Exception {
        assumeTrue(System.getProperty("flowgate.runner.jar") != null, "runs in failsafe, after packaging");
        templates = ServerlessFramework.packageVariants(VARIANTS);
        traced = ServerlessFramework.packageAs("native-tracing", List.of("variant=native", "tracing=true"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"native", "jvm"})
    void leavesTracingOffByDefault(String variant) {
        CloudFormationTemplate template = templates.get(variant);

        template.functions().forEach((name, function) -> {
            assertEquals("PassThrough", function.path("TracingConfig").path("Mode").asText(), name);
            assertFalse(function.has("Layers") && !function.path("Layers").isEmpty(), name + " has no layer");
            assertEquals("true", function.path("Environment").path("Variables").path("QUARKUS_OTEL_SDK_DISABLED")
                    .asText(), name);
        });
        assertEquals("TracingOn", template.root().at("/Resources/TracingPolicy/Condition").asText());
        assertEquals("[\"false\",\"true\"]", template.root().at("/Conditions/TracingOn/Fn::Equals").toString(),
                "the X-Ray rights are not created");
    }

    @Test
    void turnsOnActiveTracingTheSpansTheCollectorLayerAndTheXrayRightsOfEveryFunctionWithOneParameter() {
        Set<String> roles = new TreeSet<>();
        traced.functions().forEach((name, function) -> {
            assertEquals("Active", function.path("TracingConfig").path("Mode").asText(), name);
            assertEquals(List.of("arn:aws:lambda:" + ServerlessFramework.REGION
                    + ":901920570463:layer:aws-otel-collector-amd64-ver-0-117-0:1"),
                    textsOf(function.path("Layers")), name);
            assertEquals("false", function.path("Environment").path("Variables").path("QUARKUS_OTEL_SDK_DISABLED")
                    .asText(), name);
            roles.add(traced.roleOf(name));
        });
        assertEquals("[\"true\",\"true\"]", traced.root().at("/Conditions/TracingOn/Fn::Equals").toString());
        JsonNode policy = traced.root().at("/Resources/TracingPolicy");
        assertEquals("AWS::IAM::ManagedPolicy", policy.path("Type").asText());
        assertEquals("TracingOn", policy.path("Condition").asText());
        Set<String> attached = new TreeSet<>();
        policy.at("/Properties/Roles").forEach(role -> attached.add(role.path("Ref").asText()));
        assertEquals(roles, attached, "every function's role may write to X-Ray");
        JsonNode statements = policy.at("/Properties/PolicyDocument/Statement");
        assertEquals(1, statements.size());
        assertEquals(List.of("xray:PutTraceSegments", "xray:PutTelemetryRecords"),
                textsOf(statements.path(0).path("Action")));
        assertEquals("Allow", statements.path(0).path("Effect").asText());
        for (String function : traced.functions().keySet()) {
            assertEquals(templates.get("native").grants(function), traced.grants(function),
                    function + "'s own role is the same as without tracing");
        }
    }

    private static List<String> textsOf(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    @ParameterizedTest
    @ValueSource(strings = {"native", "jvm"})
    void deploysEveryFunctionOfTheApplicationOnTheVariantsRuntimeKnowingItsName(String variant) {
        Map<String, JsonNode> functions = templates.get(variant).functions();

        assertEquals(FunctionRoutes.functions(), functions.keySet());
        functions.forEach((name, function) -> {
            assertEquals(RUNTIMES.get(variant), function.path("Runtime").asText(), name);
            assertEquals(HANDLERS.get(variant), function.path("Handler").asText(), name);
            assertEquals(name, function.path("Environment").path("Variables").path("FLOWGATE_FUNCTION").asText(), name);
            assertTrue(function.path("Code").path("S3Key").asText().endsWith("/function.zip"), name);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"native", "jvm"})
    void routesExactlyThePublicRoutesOfTheApplicationEachToItsOwnFunction(String variant) {
        CloudFormationTemplate template = templates.get(variant);
        Map<String, Invocation> expected = new TreeMap<>();
        for (String route : ApplicationRoutes.discover()) {
            if (!DeploymentChecks.SCHEDULED.containsValue(route)) {
                expected.put(route, new Invocation(servingFunction(route), qualifier(variant)));
            }
        }

        assertEquals(expected, template.routes());
        for (String route : expected.keySet()) {
            String expectedType = route.equals(DeploymentChecks.PUBLIC_ROUTE) ? "NONE" : "AWS_IAM";
            assertEquals(expectedType, template.authorization(route), route);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"native", "jvm"})
    void runsOnlyTheScheduledFunctionsOnTheirSchedulesDroppingARunThatCouldNotStartWithinAMinute(String variant) {
        CloudFormationTemplate template = templates.get(variant);
        Map<String, List<String>> expected = new TreeMap<>();
        SCHEDULES.forEach((function, rate) -> expected.put(function, List.of(rate + " -> " + qualifier(variant))));

        assertEquals(expected, template.schedules());
        template.scheduleTargets().forEach(target -> assertEquals(Set.of("Arn", "Id"), fieldNames(target),
                "EventBridge's own event, no input of ours: " + target));
        assertEquals(SCHEDULES.keySet(), template.eventInvokeConfigs().keySet());
        template.eventInvokeConfigs().forEach((function, config) -> {
            assertEquals(60, config.path("MaximumEventAgeInSeconds").asInt(), function);
            assertEquals(0, config.path("MaximumRetryAttempts").asInt(), function);
            assertEquals(qualifier(variant), config.path("Qualifier").asText(),
                    function + ": the settings of what the schedule invokes");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"native", "jvm"})
    void givesEachFunctionItsOwnRoleAllowingOnlyWhatItNeeds(String variant) {
        CloudFormationTemplate template = templates.get(variant);
        Map<String, String> roles = new TreeMap<>();
        template.functions().keySet().forEach(function -> roles.put(function, template.roleOf(function)));

        assertEquals(new TreeSet<>(roles.values()), template.resources("AWS::IAM::Role").keySet(),
                "one role per function, and no role of the framework's");
        assertEquals(roles.size(), new TreeSet<>(roles.values()).size(), "no role shared: " + roles);
        for (String function : roles.keySet()) {
            // serverless.yml names the stage as ${sls:stage}; the template has it resolved
            Set<String> expected = new TreeSet<>();
            ServerlessIamTest.LEAST_PRIVILEGE.get(function)
                    .forEach(grant -> expected.add(grant.replace("${sls:stage}", ServerlessFramework.STAGE)));
            assertEquals(expected, template.grants(function), function);
            assertEquals(Set.of("Allow"), template.effects(function), function);
            assertFalse(template.root().path("Resources").path(roles.get(function)).path("Properties")
                    .has("ManagedPolicyArns"), function);
        }
        assertTrue(template.allows("getResult", "dynamodb:Query", Pattern.compile("table/index/reference-index")));
        assertFalse(template.allows("getResult", "dynamodb:PutItem", Pattern.compile("table")));
        for (String function : roles.keySet()) {
            assertTrue(template.allows(function, "ssm:GetParametersByPath",
                    Pattern.compile(".*:parameter/flowgate/" + ServerlessFramework.STAGE + "/\\*")), function);
            assertFalse(template.allows(function, "ssm:GetParametersByPath", Pattern.compile(".*:parameter/flowgate/\\*")),
                    function + " reads only its own stage's parameters");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"native", "jvm"})
    void startsTheJvmVariantFromSnapStartSnapshotsAndPublishesNoVersionOfTheNativeOne(String variant) {
        CloudFormationTemplate template = templates.get(variant);
        boolean jvm = variant.equals("jvm");

        template.functions().forEach((name, function) -> assertEquals(jvm ? "PublishedVersions" : "",
                function.path("SnapStart").path("ApplyOn").asText(), name));
        assertEquals(jvm ? template.functions().size() : 0, template.resources("AWS::Lambda::Version").size());
        Map<String, String> aliases = new TreeMap<>();
        template.resources("AWS::Lambda::Alias").values().forEach(alias -> aliases.put(
                template.invocation(alias.path("Properties").path("FunctionName")).function(),
                alias.path("Properties").path("Name").asText()));
        Map<String, String> expected = new TreeMap<>();
        if (jvm) {
            template.functions().keySet().forEach(function -> expected.put(function, SNAPSTART_ALIAS));
        }
        assertEquals(expected, aliases);
    }

    @ParameterizedTest
    @ValueSource(strings = {"native", "jvm"})
    void writesNoSecretIntoTheTemplate(String variant) throws Exception {
        CloudFormationTemplate template = templates.get(variant);
        Set<String> names = new TreeSet<>();
        template.root().path("Resources").fieldNames().forEachRemaining(names::add);
        template.root().path("Outputs").fieldNames().forEachRemaining(names::add);
        String exportPrefix = "sls-" + ServerlessFramework.SERVICE + "-" + ServerlessFramework.STAGE + "-";
        String zipSha256 = Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(Path.of("target", "function.zip"))));

        template.strings().forEach((pointer, text) -> {
            assertFalse(text.contains("whsec_"), "a webhook secret at " + pointer);
            assertFalse(text.startsWith("offline-ssm:"), "a value looked up in SSM at deploy time, at " + pointer);
            assertFalse(FRAMEWORK_VARIABLE.matcher(text).find(), "an unresolved variable at " + pointer + ": " + text);
            if (pointer.endsWith("/Properties/CodeSha256")) {
                assertEquals(zipSha256, text, "the hash of the zip the build made, at " + pointer);
                return;
            }
            Matcher keyLike = KEY_LIKE.matcher(text);
            while (keyLike.find()) {
                String name = keyLike.group().startsWith(exportPrefix)
                        ? keyLike.group().substring(exportPrefix.length()) : keyLike.group();
                assertTrue(names.contains(name), "looks like a key, at " + pointer);
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"native", "jvm"})
    void deploysTheAlarmsOnTheApplicationsMetricsAndTheDashboard(String variant) throws Exception {
        CloudFormationTemplate template = templates.get(variant);
        String prefix = ServerlessFramework.SERVICE + "-" + ServerlessFramework.STAGE + "-";
        String namespace = "flowgate";

        Map<String, ServerlessAlarmsTest.Alarm> alarms = new TreeMap<>();
        template.resources("AWS::CloudWatch::Alarm").forEach((logicalId, alarm) -> {
            JsonNode properties = alarm.path("Properties");
            Set<String> namespaces = new TreeSet<>();
            Set<String> metrics = new TreeSet<>();
            for (JsonNode metric : ServerlessAlarmsTest.metricsOf(properties)) {
                namespaces.add(metric.path("Namespace").asText().replace(namespace, ServerlessAlarmsTest.NAMESPACE));
                metrics.add(metric.path("MetricName").asText());
                if (metric.path("Namespace").asText().equals(namespace)) {
                    assertTrue(MetricNames.ALL.contains(metric.path("MetricName").asText()), logicalId);
                }
            }
            assertEquals(1, namespaces.size(), logicalId);
            assertTrue(properties.path("AlarmName").asText().startsWith(prefix), logicalId);
            alarms.put(logicalId, new ServerlessAlarmsTest.Alarm(namespaces.iterator().next(), metrics,
                    Double.parseDouble(properties.path("Threshold").asText()),
                    properties.path("ComparisonOperator").asText()));
        });
        assertEquals(new TreeMap<>(ServerlessAlarmsTest.ALARMS), alarms);
        assertEquals("{\"Fn::Not\":[{\"Fn::Equals\":[\"\",\"\"]}]}",
                template.root().path("Conditions").path("AlarmsNotify").toString(), "no topic: no actions");

        Map<String, JsonNode> dashboards = template.resources("AWS::CloudWatch::Dashboard");
        assertEquals(Set.of("Dashboard"), dashboards.keySet());
        JsonNode dashboard = dashboards.get("Dashboard").path("Properties");
        assertEquals(ServerlessFramework.SERVICE + "-" + ServerlessFramework.STAGE,
                dashboard.path("DashboardName").asText());
        JsonNode body = new ObjectMapper().readTree(dashboard.path("DashboardBody").path("Fn::Sub").path(0).asText());
        Set<String> shown = new TreeSet<>();
        body.path("widgets").forEach(widget ->
                shown.addAll(ServerlessAlarmsTest.namesIn(widget.path("properties").path("metrics"), namespace)));
        assertEquals(new TreeSet<>(MetricNames.ALL), shown);
        assertEquals(namespace, template.functions().get("createSession").path("Environment").path("Variables")
                .path("FLOWGATE_METRICS_NAMESPACE").asText());
    }

    private static String qualifier(String variant) {
        return variant.equals("jvm") ? SNAPSTART_ALIAS : CloudFormationTemplate.LATEST;
    }

    /** The one function that serves a route (FunctionRoutes). */
    private static String servingFunction(String route) {
        String path = route.substring(route.indexOf(' ') + 1)
                .replace("{sessionId}", "3fa85f64-5717-4562-b3fc-2c963f66afa6");
        List<String> serving = FunctionRoutes.functions().stream().filter(f -> FunctionRoutes.serves(f, path)).toList();
        assertEquals(1, serving.size(), route + " is served by " + serving);
        return serving.get(0);
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
