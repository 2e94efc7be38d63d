package io.flowgate.web.invoke;

import static io.flowgate.web.invoke.ScheduledEvents.EVENTBRIDGE;
import static io.flowgate.web.invoke.ScheduledEvents.invoke;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** The webhook delivery function runs on EventBridge's scheduled event and answers its report as plain JSON. */
@QuarkusTest
@TestProfile(DeliverWebhooksFunctionProfile.class)
class ScheduledWebhookDeliveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void runsOnEventBridgesScheduledEventAndAnswersItsReport() throws Exception {
        assertEquals(JSON.readTree("{\"examined\":0,\"delivered\":0,\"retrying\":0,\"failed\":0,\"skipped\":0,"
                + "\"leftOver\":0}"), JSON.readTree(invoke(EVENTBRIDGE).then().statusCode(200).extract().asString()));
    }

    @Test
    void isNoPublicRouteOfTheApplication() {
        given().header("Authorization", "").contentType("application/json").body("{}").post("/deliverWebhooks")
                .then().statusCode(401);
    }
}
