package io.flowgate.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void readsTheSecretsFromTheStagesSsmPathAndWritesNoneIntoTheFile() {
        var environment = yaml.root().path("provider").path("environment");

        assertEquals("/flowgate/${sls:stage}/", environment.path("FLOWGATE_SSM_PATH").asText());
        assertEquals(Optional.of("flowgate.ssm.path"), config.propertyOf("FLOWGATE_SSM_PATH"));
        for (String secret : List.of("FLOWGATE_STATE_SECRET", "FLOWGATE_FLOWS_INDIVIDUALS_API_KEY",
                "FLOWGATE_FLOWS_INDIVIDUALS_WEBHOOK_SECRETS", "FLOWGATE_FLOWS_INDIVIDUALS_WEBHOOK_URL",
                "FLOWGATE_AUTH_TOKENS_BACKEND_SHA256")) {
            assertTrue(environment.path(secret).isMissingNode(), secret);
        }
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

        assertEquals(List.of("FLOWGATE_FLOWS_INDIVIDUALS_WEBHOOK_SECRETS is a secret: create the SSM parameter "
                + "/flowgate/<stage>/flows/individuals/webhook/secrets instead, read at startup"),
                DeploymentChecks.environment(ServerlessYaml.of(copy), config));
    }

    @Test
    void reportsAMisspeltVariableAndAMissingRequiredProperty() {
        ObjectNode copy = yaml.mutableCopy();
        ObjectNode environment = (ObjectNode) copy.path("provider").path("environment");
        environment.set("FLOWGATE_PUBLIC_BASE_ULR", environment.remove("FLOWGATE_PUBLIC_BASE_URL"));

        assertEquals(List.of(
                "FLOWGATE_PUBLIC_BASE_ULR sets no property of FlowgateConfig nor a known Quarkus property",
                "flowgate.public-base-url is required and not set"),
                DeploymentChecks.environment(ServerlessYaml.of(copy), config));
    }

    @Test
    void reportsTheStateSecretUnsetWhenNoSsmPathIsRead() {
        ObjectNode copy = yaml.mutableCopy();
        ((ObjectNode) copy.path("provider").path("environment")).remove("FLOWGATE_SSM_PATH");

        assertEquals(List.of("flowgate.state-secret is required and not set: set FLOWGATE_SSM_PATH and create "
                + "/flowgate/<stage>/state-secret"), DeploymentChecks.environment(ServerlessYaml.of(copy), config));
    }

    @Test
    void reportsASecretWrittenIntoTheFile() {
        ObjectNode copy = yaml.mutableCopy();
        ((ObjectNode) copy.path("functions").path("createSession")).putObject("environment")
                .put("FLOWGATE_FLOWS_EVERYONE_API_KEY", "a-key-pasted-into-the-file");

        assertEquals(List.of("FLOWGATE_FLOWS_EVERYONE_API_KEY is a secret: create the SSM parameter "
                + "/flowgate/<stage>/flows/everyone/api-key instead, read at startup"),
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
