package io.flowgate.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerlessAuthorizationTest {

    private final ServerlessYaml yaml = ServerlessYaml.load();

    @Test
    void asksForIamSignedRequestsOnEveryRouteButTheCallback() {
        assertEquals(List.of(), DeploymentChecks.authorization(yaml));
        assertEquals("aws_iam", yaml.httpApiEvent("getResult", "POST /getResult").path("authorizer").path("type").asText());
    }

    @Test
    void reportsAnIntegratorRouteLeftPublic() {
        ObjectNode copy = yaml.mutableCopy();
        ((ObjectNode) copy.path("functions").path("getResult").path("events").get(0).path("httpApi")).remove("authorizer");

        assertEquals(List.of("POST /getResult is public; it needs authorizer type aws_iam"),
                DeploymentChecks.authorization(ServerlessYaml.of(copy)));
    }

    @Test
    void reportsACallbackBehindIam() {
        ObjectNode copy = yaml.mutableCopy();
        ArrayNode events = (ArrayNode) copy.path("functions").path("callback").path("events");
        ((ObjectNode) events.get(0).path("httpApi")).putObject("authorizer").put("type", "aws_iam");

        assertEquals(List.of("GET /callback must be public: the browser holds no credentials"),
                DeploymentChecks.authorization(ServerlessYaml.of(copy)));
    }
}
