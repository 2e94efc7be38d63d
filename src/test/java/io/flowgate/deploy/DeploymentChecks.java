package io.flowgate.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What serverless.yml must agree on with the application. Each check lists the problems it finds,
 * in words an operator can act on; an empty list means the file is right.
 */
final class DeploymentChecks {

    /** The functions run on a schedule, and their routes: served by the application, never by the gateway. */
    static final Map<String, String> SCHEDULED = Map.of("sweep", "POST /sweep", "deliverWebhooks", "POST /deliverWebhooks");
    /** The one route a browser reaches without credentials. */
    static final String PUBLIC_ROUTE = "GET /callback";

    /**
     * Variables that are not configuration properties: read by the Quarkus runtime itself, or (the secrets' revision)
     * by nobody, changed only to replace every function's instances so that they read their SSM parameters again.
     */
    static final Set<String> RUNTIME_VARIABLES = Set.of("DISABLE_SIGNAL_HANDLERS", "SECRETS_REVISION");
    /** Quarkus properties a deployment may set through the environment. */
    static final Set<String> QUARKUS_PROPERTIES = Set.of("quarkus.log.level", "quarkus.dynamodb.aws.region",
            "quarkus.otel.sdk.disabled");

    private DeploymentChecks() {
    }

    /**
     * Every application route but the scheduled ones is deployed by exactly one function, named after it
     * (its path ends in {@code /<function name>}); no function deploys a route the application does not serve;
     * each scheduled function (the sweep, the webhook delivery) has no route and a schedule.
     */
    static List<String> routes(ServerlessYaml yaml, Set<String> applicationRoutes) {
        List<String> problems = new ArrayList<>();
        Map<String, JsonNode> functions = yaml.functions();
        for (String route : applicationRoutes) {
            if (SCHEDULED.containsValue(route)) {
                continue;
            }
            List<String> deployedBy = functions.keySet().stream().filter(f -> yaml.routes(f).contains(route)).toList();
            if (deployedBy.isEmpty()) {
                problems.add(route + " is not deployed");
            } else if (deployedBy.size() > 1) {
                problems.add(route + " is deployed by more than one function: " + deployedBy);
            }
        }
        for (String function : functions.keySet()) {
            for (String route : yaml.routes(function)) {
                if (!applicationRoutes.contains(route)) {
                    problems.add(function + " deploys " + route + ", which the application does not serve");
                } else if (!route.endsWith("/" + function)) {
                    problems.add(function + " deploys " + route + ", which is not its own route");
                }
            }
        }
        for (String scheduled : new TreeSet<>(SCHEDULED.keySet())) {
            if (!functions.containsKey(scheduled)) {
                problems.add("no " + scheduled + " function");
                continue;
            }
            if (!yaml.routes(scheduled).isEmpty()) {
                problems.add(scheduled + " has an HTTP route: " + yaml.routes(scheduled));
            }
            boolean hasSchedule = false;
            for (JsonNode event : functions.get(scheduled).path("events")) {
                hasSchedule |= event.has("schedule");
            }
            if (!hasSchedule) {
                problems.add(scheduled + " has no schedule");
            }
        }
        return problems;
    }

    /** Every route needs an IAM-signed request but the callback, which must stay public. */
    static List<String> authorization(ServerlessYaml yaml) {
        List<String> problems = new ArrayList<>();
        for (String function : yaml.functions().keySet()) {
            for (String route : yaml.routes(function)) {
                JsonNode event = yaml.httpApiEvent(function, route);
                String type = event == null ? "" : event.path("authorizer").path("type").asText();
                if (route.equals(PUBLIC_ROUTE) && event != null && event.has("authorizer")) {
                    problems.add(route + " must be public: the browser holds no credentials");
                } else if (!route.equals(PUBLIC_ROUTE) && !type.equals("aws_iam")) {
                    problems.add(route + " is public; it needs authorizer type aws_iam");
                }
            }
        }
        return problems;
    }

    /**
     * Each function has a role of its own, defined in the file, whose statements allow exactly the
     * expected {@code "<action> on <resource>"} set; no provider-wide role.
     */
    static List<String> iam(ServerlessYaml yaml, Map<String, Set<String>> expected) {
        List<String> problems = new ArrayList<>();
        JsonNode provider = yaml.root().path("provider");
        if (provider.has("iam") || provider.has("iamRoleStatements")) {
            problems.add("provider grants rights to every function; give each function its own role");
        }
        Set<String> roles = new TreeSet<>();
        for (String function : yaml.functions().keySet()) {
            String role = yaml.functions().get(function).path("role").asText();
            JsonNode resource = yaml.root().path("resources").path("Resources").path(role);
            if (role.isEmpty() || !resource.path("Type").asText().equals("AWS::IAM::Role")) {
                problems.add(function + " has no role of its own in resources");
                continue;
            }
            if (!roles.add(role)) {
                problems.add(function + " shares the role " + role);
            }
            if (resource.path("Properties").has("ManagedPolicyArns")) {
                problems.add(function + " has managed policies; list its rights in its own statements");
            }
            Set<String> granted = granted(function, resource.path("Properties").path("Policies"), problems);
            Set<String> wanted = new TreeSet<>(expected.getOrDefault(function, Set.of()));
            for (String grant : granted) {
                if (!wanted.contains(grant)) {
                    problems.add(function + " may " + grant + ", beyond what it needs");
                }
            }
            for (String grant : wanted) {
                if (!granted.contains(grant)) {
                    problems.add(function + " may not " + grant + ", which it needs");
                }
            }
        }
        return problems;
    }

    private static Set<String> granted(String function, JsonNode policies, List<String> problems) {
        Set<String> granted = new TreeSet<>();
        for (JsonNode policy : policies) {
            for (JsonNode statement : policy.path("PolicyDocument").path("Statement")) {
                if (!statement.path("Effect").asText().equals("Allow")) {
                    problems.add(function + " has a statement that is not an Allow");
                }
                for (String action : strings(statement.path("Action"))) {
                    for (JsonNode resource : list(statement.path("Resource"))) {
                        granted.add(action + " on " + describe(resource));
                    }
                }
            }
        }
        return granted;
    }

    /**
     * Every environment variable sets a property of FlowgateConfig (or a known Quarkus property, or
     * is read by the runtime); the required properties are set, the secret ones by the stage's SSM parameters
     * (so {@code FLOWGATE_SSM_PATH} must be set) and never in the file; nothing sets the sandbox or the in-process
     * timers.
     */
    static List<String> environment(ServerlessYaml yaml, ConfigProperties config) {
        List<String> problems = new ArrayList<>();
        Set<String> properties = new TreeSet<>();
        List<JsonNode> environments = new ArrayList<>();
        environments.add(yaml.root().path("provider").path("environment"));
        yaml.functions().values().forEach(f -> environments.add(f.path("environment")));
        for (JsonNode environment : environments) {
            environment.fields().forEachRemaining(variable -> {
                String name = variable.getKey();
                String property = config.propertyOf(name).orElseGet(() -> quarkusProperty(name));
                if (property == null) {
                    if (!RUNTIME_VARIABLES.contains(name)) {
                        problems.add(name + " sets no property of FlowgateConfig nor a known Quarkus property");
                    }
                    return;
                }
                properties.add(property);
                if (isSecret(property)) {
                    problems.add(name + " is a secret: create the SSM parameter " + parameterOf(property)
                            + " instead, read at startup");
                }
                if (property.startsWith("flowgate.sandbox.") || property.equals("flowgate.sweep.interval")
                        || property.equals("flowgate.webhooks.interval")) {
                    problems.add(name + " has no place in a deployment (" + property + ")");
                }
            });
        }
        for (String property : config.required()) {
            if (isSecret(property) ? !properties.contains("flowgate.ssm.path") : !properties.contains(property)) {
                problems.add(property + " is required and not set" + (isSecret(property)
                        ? ": set FLOWGATE_SSM_PATH and create " + parameterOf(property) : ""));
            }
        }
        return problems;
    }

    /** The secrets: flow keys, the state secret, the callers' token hashes, the webhooks' URLs and secrets. */
    static boolean isSecret(String property) {
        return property.endsWith(".api-key") || property.equals("flowgate.state-secret")
                || property.endsWith(".webhook.secrets") || property.endsWith(".webhook.url")
                || property.matches("flowgate\\.auth\\.tokens\\.[^.]+\\.sha256");
    }

    /** The SSM parameter that sets {@code property}: its name after {@code flowgate.}, {@code .} read as {@code /}. */
    static String parameterOf(String property) {
        return "/flowgate/<stage>/" + property.substring("flowgate.".length()).replace('.', '/');
    }

    /** What every function's {@code FLOWGATE_SSM_PATH} is: its own stage's path. */
    static final String STAGE_PATH = "/flowgate/${sls:stage}/";
    /** The stage's parameters, as the roles name them (CloudFormation pseudo parameters: no AWS call to package). */
    static final String PARAMETERS_ARN = "arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/flowgate/${sls:stage}";

    /**
     * Secrets are read at run time, never at deploy time: no {@code ${ssm:…}} anywhere in the file (nor a variable
     * that needs AWS credentials to package, {@code ${aws:…}}); every function reads its stage's path
     * ({@code FLOWGATE_SSM_PATH}); its role may {@code ssm:GetParametersByPath} on that path (see {@link #iam}) and
     * {@code kms:Decrypt} only through SSM, for that path's parameters.
     */
    static List<String> secretsAtRunTime(ServerlessYaml yaml) {
        List<String> problems = new ArrayList<>();
        deployTimeLookups(yaml.root(), "", problems);
        String path = yaml.root().path("provider").path("environment").path("FLOWGATE_SSM_PATH").asText();
        for (String function : yaml.functions().keySet()) {
            JsonNode own = yaml.functions().get(function).path("environment").path("FLOWGATE_SSM_PATH");
            String effective = own.isMissingNode() ? path : own.asText();
            if (!effective.equals(STAGE_PATH)) {
                problems.add(function + " reads " + (effective.isEmpty() ? "no SSM path" : "the SSM path " + effective)
                        + ", not " + STAGE_PATH + " (FLOWGATE_SSM_PATH)");
            }
            String role = yaml.functions().get(function).path("role").asText();
            JsonNode policies = yaml.root().path("resources").path("Resources").path(role).path("Properties").path("Policies");
            boolean decrypts = false;
            for (JsonNode policy : policies) {
                for (JsonNode statement : policy.path("PolicyDocument").path("Statement")) {
                    if (!strings(statement.path("Action")).contains("kms:Decrypt")) {
                        continue;
                    }
                    decrypts = true;
                    JsonNode condition = statement.path("Condition");
                    if (!condition.path("StringEquals").path("kms:ViaService").path("Fn::Sub").asText()
                            .equals("ssm.${AWS::Region}.amazonaws.com")) {
                        problems.add(function + " may kms:Decrypt other than through SSM (kms:ViaService)");
                    }
                    if (!condition.path("StringLike").path("kms:EncryptionContext:PARAMETER_ARN").path("Fn::Sub").asText()
                            .equals(PARAMETERS_ARN + "/*")) {
                        problems.add(function + " may kms:Decrypt other parameters than its stage's "
                                + "(kms:EncryptionContext:PARAMETER_ARN)");
                    }
                }
            }
            if (!decrypts) {
                problems.add(function + " may not kms:Decrypt its stage's SecureString parameters");
            }
        }
        return problems;
    }

    private static void deployTimeLookups(JsonNode node, String where, List<String> problems) {
        if (node.isTextual()) {
            if (node.asText().contains("${ssm:")) {
                problems.add(where + " reads SSM at deploy time (" + node.asText() + "): its value would be written "
                        + "into the template; let the function read it at startup");
            }
            if (node.asText().contains("${aws:")) {
                problems.add(where + " needs AWS credentials to package (" + node.asText() + "): use Fn::Sub with "
                        + "${AWS::Region} / ${AWS::AccountId}");
            }
            return;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                deployTimeLookups(node.get(i), where + "[" + i + "]", problems);
            }
        }
        node.fields().forEachRemaining(field -> deployTimeLookups(field.getValue(),
                where.isEmpty() ? field.getKey() : where + "." + field.getKey(), problems));
    }

    private static String quarkusProperty(String variable) {
        return QUARKUS_PROPERTIES.stream()
                .filter(p -> ConfigProperties.environmentPattern(p).matcher(variable).matches())
                .findFirst().orElse(null);
    }

    /** A policy resource in words: {@code table}, {@code table/index/<name>}, {@code log-group:<function>}. */
    static String describe(JsonNode resource) {
        JsonNode getAtt = resource.path("Fn::GetAtt");
        if (getAtt.isArray() && getAtt.size() == 2 && getAtt.get(1).asText().equals("Arn")) {
            String logicalId = getAtt.get(0).asText();
            if (logicalId.equals("SessionsTable")) {
                return "table";
            }
            if (logicalId.equals("VideoBucket")) {
                return "bucket";
            }
            if (logicalId.endsWith("LogGroup")) {
                String function = logicalId.substring(0, logicalId.length() - "LogGroup".length());
                return "log-group:" + Character.toLowerCase(function.charAt(0)) + function.substring(1);
            }
        }
        if (resource.path("Fn::Sub").isTextual()) {
            return resource.path("Fn::Sub").asText();
        }
        JsonNode join = resource.path("Fn::Join");
        if (join.isArray() && join.size() == 2 && join.get(0).asText().isEmpty()) {
            StringBuilder joined = new StringBuilder();
            for (JsonNode part : join.get(1)) {
                joined.append(part.isTextual() ? part.asText() : describe(part));
            }
            return joined.toString();
        }
        return resource.toString();
    }

    private static List<String> strings(JsonNode node) {
        return list(node).stream().map(JsonNode::asText).toList();
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
}
