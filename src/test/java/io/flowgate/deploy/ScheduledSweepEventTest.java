package io.flowgate.deploy;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The schedule's {@code input} in serverless.yml, posted as a raw Lambda event to the mock event
 * server ({@code POST /_lambda_}), goes through the same handler as in AWS: it must run the sweep, or the
 * webhook delivery.
 */
@QuarkusTest
class ScheduledSweepEventTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theScheduledEventRunsTheSweepThroughTheLambdaHandler() throws Exception {
        assertEquals(JSON.readTree("{\"examined\":0,\"completed\":0,\"expired\":0,\"pending\":0,\"failed\":0,\"recovered\":0,\"leftOver\":0}"),
                runScheduled("sweep"));
    }

    @Test
    void theScheduledEventDeliversTheDueWebhooksThroughTheLambdaHandler() throws Exception {
        assertEquals(JSON.readTree("{\"examined\":0,\"delivered\":0,\"retrying\":0,\"failed\":0,\"skipped\":0,\"leftOver\":0}"),
                runScheduled("deliverWebhooks"));
    }

    /** Posts the function's scheduled event to the mock event server; returns the body of the function's answer. */
    private static JsonNode runScheduled(String function) throws Exception {
        String answer = given().contentType("application/json").body(ServerlessYaml.load().scheduleEvent(function))
                .when().post("/_lambda_")
                .then().statusCode(200).extract().asString();

        JsonNode response = JSON.readTree(answer);
        assertEquals(200, response.path("statusCode").asInt(), answer);
        return JSON.readTree(response.path("body").asText());
    }
}
