package io.flowgate.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServerlessIamTest {

    /** docs/dynamodb.md, "IAM rights", by the store operations each function performs. */
    static final Map<String, Set<String>> LEAST_PRIVILEGE = withTheStagesParameters(Map.ofEntries(
            Map.entry("deliverWebhooks", Set.of(
                    "logs:CreateLogStream on log-group:deliverWebhooks", "logs:PutLogEvents on log-group:deliverWebhooks",
                    "dynamodb:GetItem on table", "dynamodb:PutItem on table",
                    "dynamodb:Query on table/index/webhook-index")),
            Map.entry("listFailedWebhooks", Set.of(
                    "logs:CreateLogStream on log-group:listFailedWebhooks",
                    "logs:PutLogEvents on log-group:listFailedWebhooks",
                    "dynamodb:Query on table/index/failed-webhook-index")),
            Map.entry("listSessions", Set.of(
                    "logs:CreateLogStream on log-group:listSessions", "logs:PutLogEvents on log-group:listSessions",
                    "dynamodb:Query on table/index/caller-flow-index", "dynamodb:Query on table/index/reference-index")),
            Map.entry("resendWebhook", Set.of(
                    "logs:CreateLogStream on log-group:resendWebhook", "logs:PutLogEvents on log-group:resendWebhook",
                    "dynamodb:GetItem on table", "dynamodb:PutItem on table")),
            Map.entry("createSession", Set.of(
                    "logs:CreateLogStream on log-group:createSession", "logs:PutLogEvents on log-group:createSession",
                    "dynamodb:GetItem on table", "dynamodb:PutItem on table")),
            Map.entry("getResult", Set.of(
                    "logs:CreateLogStream on log-group:getResult", "logs:PutLogEvents on log-group:getResult",
                    "dynamodb:GetItem on table", "dynamodb:Query on table/index/reference-index")),
            Map.entry("collectResult", Set.of(
                    "logs:CreateLogStream on log-group:collectResult", "logs:PutLogEvents on log-group:collectResult",
                    "dynamodb:GetItem on table", "dynamodb:PutItem on table",
                    "s3:PutObject on bucket/videos/*", "s3:AbortMultipartUpload on bucket/videos/*")),
            Map.entry("callback", Set.of(
                    "logs:CreateLogStream on log-group:callback", "logs:PutLogEvents on log-group:callback",
                    "dynamodb:GetItem on table", "dynamodb:PutItem on table",
                    "s3:PutObject on bucket/videos/*", "s3:AbortMultipartUpload on bucket/videos/*")),
            Map.entry("sweep", Set.of(
                    "logs:CreateLogStream on log-group:sweep", "logs:PutLogEvents on log-group:sweep",
                    "dynamodb:GetItem on table", "dynamodb:PutItem on table",
                    "dynamodb:Query on table/index/due-index",
                    "s3:PutObject on bucket/videos/*", "s3:AbortMultipartUpload on bucket/videos/*")),
            Map.entry("cancelSession", Set.of(
                    "logs:CreateLogStream on log-group:cancelSession", "logs:PutLogEvents on log-group:cancelSession",
                    "dynamodb:GetItem on table", "dynamodb:PutItem on table")),
            Map.entry("resumeSession", Set.of(
                    "logs:CreateLogStream on log-group:resumeSession", "logs:PutLogEvents on log-group:resumeSession",
                    "dynamodb:GetItem on table")),
            Map.entry("video", Set.of(
                    "logs:CreateLogStream on log-group:video", "logs:PutLogEvents on log-group:video",
                    "dynamodb:GetItem on table", "dynamodb:PutItem on table",
                    "s3:PutObject on bucket/videos/*", "s3:AbortMultipartUpload on bucket/videos/*",
                    "s3:GetObject on bucket/videos/*")),
            Map.entry("redactSession", Set.of(
                    "logs:CreateLogStream on log-group:redactSession", "logs:PutLogEvents on log-group:redactSession",
                    "dynamodb:GetItem on table", "dynamodb:PutItem on table",
                    "s3:DeleteObject on bucket/videos/*")),
            Map.entry("reviewSession", Set.of(
                    "logs:CreateLogStream on log-group:reviewSession", "logs:PutLogEvents on log-group:reviewSession",
                    "dynamodb:GetItem on table", "dynamodb:PutItem on table"))));

    /** Every function reads its stage's SSM parameters at startup, and decrypts them (through SSM only). */
    private static Map<String, Set<String>> withTheStagesParameters(Map<String, Set<String>> rights) {
        Map<String, Set<String>> all = new java.util.HashMap<>();
        rights.forEach((function, own) -> {
            Set<String> grants = new java.util.TreeSet<>(own);
            grants.add("ssm:GetParametersByPath on " + DeploymentChecks.PARAMETERS_ARN);
            grants.add("ssm:GetParametersByPath on " + DeploymentChecks.PARAMETERS_ARN + "/*");
            grants.add("kms:Decrypt on arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/*");
            all.put(function, Set.copyOf(grants));
        });
        return Map.copyOf(all);
    }

    private final ServerlessYaml yaml = ServerlessYaml.load();

    @Test
    void grantsEachFunctionItsOwnLogGroupAndOnlyTheDynamoDbActionsItNeeds() {
        assertEquals(List.of(), DeploymentChecks.iam(yaml, LEAST_PRIVILEGE));
        assertEquals(LEAST_PRIVILEGE.keySet(), yaml.functions().keySet());
    }

    @Test
    void reportsAnActionBeyondLeastPrivilege() {
        ObjectNode copy = yaml.mutableCopy();
        for (var statement : copy.path("resources").path("Resources").path("GetResultRole").path("Properties")
                .path("Policies").get(0).path("PolicyDocument").path("Statement")) {
            if (statement.path("Action").toString().equals("[\"dynamodb:GetItem\"]")) {
                ((ArrayNode) statement.path("Action")).add("dynamodb:DeleteItem");
            }
        }

        assertEquals(List.of("getResult may dynamodb:DeleteItem on table, beyond what it needs"),
                DeploymentChecks.iam(ServerlessYaml.of(copy), LEAST_PRIVILEGE));
    }

    @Test
    void reportsAMissingActionAndARoleSharedBetweenFunctions() {
        ObjectNode copy = yaml.mutableCopy();
        ((ObjectNode) copy.path("functions").path("getResult")).put("role", "CreateSessionRole");

        assertEquals(List.of(
                "getResult shares the role CreateSessionRole",
                "getResult may dynamodb:PutItem on table, beyond what it needs",
                "getResult may logs:CreateLogStream on log-group:createSession, beyond what it needs",
                "getResult may logs:PutLogEvents on log-group:createSession, beyond what it needs",
                "getResult may not dynamodb:Query on table/index/reference-index, which it needs",
                "getResult may not logs:CreateLogStream on log-group:getResult, which it needs",
                "getResult may not logs:PutLogEvents on log-group:getResult, which it needs"),
                DeploymentChecks.iam(ServerlessYaml.of(copy), LEAST_PRIVILEGE));
    }

    @Test
    void reportsRightsGrantedToEveryFunctionAtOnce() {
        ObjectNode copy = yaml.mutableCopy();
        ((ObjectNode) copy.path("provider")).putObject("iam").putObject("role").putArray("statements");

        assertEquals(List.of("provider grants rights to every function; give each function its own role"),
                DeploymentChecks.iam(ServerlessYaml.of(copy), LEAST_PRIVILEGE));
    }
}
