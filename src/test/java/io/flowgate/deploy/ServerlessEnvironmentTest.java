package io.flowgate.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServerlessEnvironmentTest {

    private final ServerlessYaml yaml = ServerlessYaml.load();
    private final ConfigProperties config = ConfigProperties.ofFlowgate();

    @Test
    void setsOnlyPropertiesOfTheApplicationAndEveryRequiredOneWithSecretsFromSsm() {
        assertEquals(List.of(), DeploymentChecks.environment(yaml, config));
    }

    @Test
    void readsTheRequiredPropertiesFromTheConfigMapping() {
        assertEquals(Set.of("flowgate.public-base-url", "flowgate.state-secret"), config.required());
    }

    @Test
    void mapsEnvironmentVariablesBackToPropertiesTheQuarkusWay() {
        assertEquals(Optional.of("flowgate.flows.individuals.api-key"),
                config.propertyOf("FLOWGATE_FLOWS_INDIVIDUALS_API_KEY"));
        assertEquals(Optional.of("flowgate.store.dynamodb.table"), config.propertyOf("FLOWGATE_STORE_DYNAMODB_TABLE"));
        assertEquals(Optional.of("flowgate.public-base-url"), config.propertyOf("FLOWGATE_PUBLIC_BASE_URL"));
        assertEquals(Optional.empty(), config.propertyOf("FLOWGATE_STATE_SECERT"));
    }

    @Test
    void takesTheStateSecretAndTheFlowKeysFromSsmParametersOfTheStage() {
        var environment = yaml.root().path("provider").path("environment");

        assertEquals("${ssm:/flowgate/${sls:stage}/state-secret}", environment.path("FLOWGATE_STATE_SECRET").asText());
        assertEquals("${ssm:/flowgate/${sls:stage}/flows/individuals/api-key}",
                environment.path("FLOWGATE_FLOWS_INDIVIDUALS_API_KEY").asText());
        assertEquals("${ssm:/flowgate/${sls:stage}/flows/individuals/webhook-secrets}",
                environment.path("FLOWGATE_FLOWS_INDIVIDUALS_WEBHOOK_SECRETS").asText());
    }

    @Test
    void mapsTheWebhookVariablesToTheFlowsWebhookProperties() {
        assertEquals(Optional.of("flowgate.flows.individuals.webhook.url"),
                config.propertyOf("FLOWGATE_FLOWS_INDIVIDUALS_WEBHOOK_URL"));
        assertEquals(Optional.of("flowgate.flows.individuals.webhook.secrets"),
                config.propertyOf("FLOWGATE_FLOWS_INDIVIDUALS_WEBHOOK_SECRETS"));
        assertEquals(Optional.of("flowgate.webhooks.max-attempts"), config.propertyOf("FLOWGATE_WEBHOOKS_MAX_ATTEMPTS"));
    }

    @Test
    void reportsAWebhookSecretWrittenIntoTheFile() {
        ObjectNode copy = yaml.mutableCopy();
        ((ObjectNode) copy.path("provider").path("environment"))
                .put("FLOWGATE_FLOWS_INDIVIDUALS_WEBHOOK_SECRETS", "whsec_cGFzdGVkLWludG8tdGhlLWZpbGUtMTIzNDU2Nzg=");

        assertEquals(List.of("FLOWGATE_FLOWS_INDIVIDUALS_WEBHOOK_SECRETS is a secret: take it from "
                + "${ssm:/flowgate/${sls:stage}/...}"), DeploymentChecks.environment(ServerlessYaml.of(copy), config));
    }

    @Test
    void reportsAMisspeltVariableAndAMissingRequiredProperty() {
        ObjectNode copy = yaml.mutableCopy();
        ObjectNode environment = (ObjectNode) copy.path("provider").path("environment");
        environment.set("FLOWGATE_STATE_SECERT", environment.remove("FLOWGATE_STATE_SECRET"));

        assertEquals(List.of(
                "FLOWGATE_STATE_SECERT sets no property of FlowgateConfig nor a known Quarkus property",
                "flowgate.state-secret is required and not set"),
                DeploymentChecks.environment(ServerlessYaml.of(copy), config));
    }

    @Test
    void reportsASecretWrittenIntoTheFile() {
        ObjectNode copy = yaml.mutableCopy();
        ((ObjectNode) copy.path("functions").path("createSession")).putObject("environment")
                .put("FLOWGATE_FLOWS_EVERYONE_API_KEY", "a-key-pasted-into-the-file");

        assertEquals(List.of("FLOWGATE_FLOWS_EVERYONE_API_KEY is a secret: take it from ${ssm:/flowgate/${sls:stage}/...}"),
                DeploymentChecks.environment(ServerlessYaml.of(copy), config));
    }

    @Test
    void reportsTheSandboxAndTheInProcessTimers() {
        ObjectNode copy = yaml.mutableCopy();
        ((ObjectNode) copy.path("provider").path("environment"))
                .put("FLOWGATE_SANDBOX_ENABLED", "true")
                .put("FLOWGATE_SWEEP_INTERVAL", "1M")
                .put("FLOWGATE_WEBHOOKS_INTERVAL", "1M");

        assertEquals(List.of(
                "FLOWGATE_SANDBOX_ENABLED has no place in a deployment (flowgate.sandbox.enabled)",
                "FLOWGATE_SWEEP_INTERVAL has no place in a deployment (flowgate.sweep.interval)",
                "FLOWGATE_WEBHOOKS_INTERVAL has no place in a deployment (flowgate.webhooks.interval)"),
                DeploymentChecks.environment(ServerlessYaml.of(copy), config));
    }
}
