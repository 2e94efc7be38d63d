package io.flowgate.deploy;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowgate.store.InMemorySessionStore;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * The schedule's {@code input} in serverless.yml, posted as a raw Lambda event to the mock event
 * server ({@code POST /_lambda_}), goes through the same handler as in AWS: it must run the sweep.
 */
@QuarkusTest
class ScheduledSweepEventTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    InMemorySessionStore store;

    @Test
    void theScheduledEventRunsTheSweepThroughTheLambdaHandler() throws Exception {
        store.clear();
        String answer = given().contentType("application/json").body(ServerlessYaml.load().sweepScheduleEvent())
                .when().post("/_lambda_")
                .then().statusCode(200).extract().asString();

        JsonNode response = JSON.readTree(answer);
        assertEquals(200, response.path("statusCode").asInt(), answer);
        assertEquals(JSON.readTree("{\"examined\":0,\"completed\":0,\"expired\":0,\"pending\":0,\"failed\":0}"),
                JSON.readTree(response.path("body").asText()));
    }
}
