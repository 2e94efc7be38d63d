package io.flowgate.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServerlessRoutesTest {

    private final ServerlessYaml yaml = ServerlessYaml.load();

    @Test
    void findsTheApplicationsRoutesInItsCompiledClasses() {
        assertEquals(Set.of("GET /callback", "POST /collectResult", "POST /createSession", "POST /getResult",
                "POST /sweep", "POST /deliverWebhooks", "POST /listFailedWebhooks", "POST /resendWebhook",
                "GET /sessions/{sessionId}/video", "POST /cancelSession", "POST /resumeSession",
                "POST /listSessions", "POST /redactSession", "POST /reviewSession"),
                ApplicationRoutes.discover());
    }

    @Test
    void deploysEveryApplicationRouteInExactlyOneFunctionNamedAfterIt() {
        assertEquals(List.of(), DeploymentChecks.routes(yaml, ApplicationRoutes.discover()));
        assertEquals(Set.of("POST /createSession"), yaml.routes("createSession"));
        assertEquals(Set.of("GET /callback"), yaml.routes("callback"));
        assertEquals(Set.of("GET /sessions/{sessionId}/video"), yaml.routes("video"));
        assertEquals(Set.of("POST /listFailedWebhooks"), yaml.routes("listFailedWebhooks"));
        assertEquals(Set.of("POST /resendWebhook"), yaml.routes("resendWebhook"));
        assertEquals(Set.of("POST /cancelSession"), yaml.routes("cancelSession"));
        assertEquals(Set.of("POST /resumeSession"), yaml.routes("resumeSession"));
        assertEquals(Set.of("POST /listSessions"), yaml.routes("listSessions"));
        assertEquals(Set.of("POST /redactSession"), yaml.routes("redactSession"));
        assertEquals(Set.of("POST /reviewSession"), yaml.routes("reviewSession"));
    }

    @Test
    void deliversWebhooksEveryMinuteByDefaultWithoutAnHttpRoute() {
        JsonNode events = yaml.functions().get("deliverWebhooks").path("events");

        assertEquals(1, events.size());
        assertEquals("${param:webhookSchedule}", events.get(0).path("schedule").asText(),
                "a plain schedule: EventBridge's own event, no input of ours");
        assertEquals("rate(1 minute)", yaml.root().path("params").path("default").path("webhookSchedule").asText());
        assertEquals(Set.of(), yaml.routes("deliverWebhooks"));
    }

    @Test
    void reportsAWebhookDeliveryWithoutASchedule() {
        ObjectNode copy = yaml.mutableCopy();
        ((ObjectNode) copy.path("functions").path("deliverWebhooks")).putArray("events");

        assertEquals(List.of("deliverWebhooks has no schedule"),
                DeploymentChecks.routes(ServerlessYaml.of(copy), ApplicationRoutes.discover()));
    }

    @Test
    void runsTheSweepEveryFiveMinutesWithoutAnHttpRoute() {
        JsonNode events = yaml.functions().get("sweep").path("events");

        assertEquals(1, events.size());
        assertEquals("rate(5 minutes)", events.get(0).path("schedule").asText(),
                "a plain schedule: EventBridge's own event, no input of ours");
        assertEquals(Set.of(), yaml.routes("sweep"));
    }

    @Test
    void reportsARouteThatNoFunctionDeploys() {
        ObjectNode copy = yaml.mutableCopy();
        ((ObjectNode) copy.path("functions").path("collectResult")).putArray("events");

        assertEquals(List.of("POST /collectResult is not deployed"),
                DeploymentChecks.routes(ServerlessYaml.of(copy), ApplicationRoutes.discover()));
    }

    @Test
    void reportsARouteTheApplicationDoesNotServeAndARouteDeployedTwice() {
        ObjectNode copy = yaml.mutableCopy();
        ArrayNode events = (ArrayNode) copy.path("functions").path("getResult").path("events");
        events.addObject().putObject("httpApi").put("method", "GET").put("path", "/status");
        events.addObject().putObject("httpApi").put("method", "POST").put("path", "/createSession");

        assertEquals(List.of(
                "POST /createSession is deployed by more than one function: [createSession, getResult]",
                "getResult deploys GET /status, which the application does not serve",
                "getResult deploys POST /createSession, which is not its own route"),
                DeploymentChecks.routes(ServerlessYaml.of(copy), ApplicationRoutes.discover()));
    }

    @Test
    void reportsASweepOnTheGatewayWithoutASchedule() {
        ObjectNode copy = yaml.mutableCopy();
        ArrayNode events = ((ObjectNode) copy.path("functions").path("sweep")).putArray("events");
        events.addObject().putObject("httpApi").put("method", "POST").put("path", "/sweep");

        assertEquals(List.of("sweep has an HTTP route: [POST /sweep]", "sweep has no schedule"),
                DeploymentChecks.routes(ServerlessYaml.of(copy), ApplicationRoutes.discover()));
    }
}
