package io.flowgate.web.invoke;

import static io.flowgate.web.invoke.ScheduledEvents.EVENTBRIDGE;
import static io.flowgate.web.invoke.ScheduledEvents.invoke;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowgate.deploy.ServerlessYaml;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/**
 * The sweep function runs on EventBridge's own scheduled event and on a manual {@code aws lambda invoke} with
 * {@code {}}, and answers its report as plain JSON; serverless.yml hands it nothing of its own making.
 */
@QuarkusTest
@TestProfile(SweepFunctionProfile.class)
class ScheduledSweepTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EMPTY_REPORT =
            "{\"examined\":0,\"completed\":0,\"expired\":0,\"pending\":0,\"failed\":0,\"recovered\":0,\"leftOver\":0}";

    @Test
    void runsOnEventBridgesScheduledEventAndAnswersItsReport() throws Exception {
        assertEquals(JSON.readTree(EMPTY_REPORT), JSON.readTree(invoke(EVENTBRIDGE).then().statusCode(200)
                .extract().asString()));
    }

    @Test
    void runsOnAManualInvocationWithAnEmptyObject() throws Exception {
        assertEquals(JSON.readTree(EMPTY_REPORT), JSON.readTree(invoke("{}").then().statusCode(200)
                .extract().asString()));
    }

    @Test
    void isScheduledWithAPlainRateExpression() {
        assertEquals("rate(5 minutes)", ServerlessYaml.load().schedule("sweep"));
        assertEquals("rate(1 minute)", ServerlessYaml.load().schedule("deliverWebhooks"));
    }

    @Test
    void isNoPublicRouteOfTheApplication() {
        given().header("Authorization", "").contentType("application/json").body("{}").post("/sweep")
                .then().statusCode(401);
    }
}
