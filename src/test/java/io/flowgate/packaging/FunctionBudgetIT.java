package io.flowgate.packaging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowgate.testsupport.lambda.LambdaStack;
import io.flowgate.testsupport.lambda.StubVendor;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged function keeps to its Lambda invocation's remaining time, read from the invocation (each event
 * here carries a deadline a few seconds away, as a function with that timeout gets): a slow vendor makes an
 * answer {@code 504 upstream_timeout} before the deadline, not the function killed at it, and a sweep stops taking
 * sessions when less than one vendor call ({@code max-call-time}, 10 s) of its time is left and reports what it
 * left. The vendor's read timeout (30 s) and the call's limit are beyond the deadline, so only the invocation's
 * budget can end the wait in time.
 */
class FunctionBudgetIT {

    static final long FUNCTION_TIMEOUT_MS = 6_000;
    /** Room for a session or two of 1.5 s each before less than one vendor call (10 s) is left. */
    static final long SWEEP_TIMEOUT_MS = 12_500;
    private static final Path TARGET = Path.of(System.getProperty("flowgate.target", "target"));

    private static StubVendor vendor;
    private static LambdaStack lambda;

    @BeforeAll
    static void startThePackagedFunctionWithAShortTimeout() throws Exception {
        vendor = new StubVendor();
        lambda = LambdaStack.startPackaged(TARGET, FunctionBudgetIT::configuration, TARGET.resolve("budget-it"),
                FUNCTION_TIMEOUT_MS);
        PackagedSetup.callThrough(lambda);
    }

    private static Map<String, String> configuration(String publicUrl) {
        Map<String, String> properties = PackagedSetup.configuration("budget-it", publicUrl, vendor);
        properties.put("flowgate.upstream.read-timeout", "30S");
        properties.put("flowgate.upstream.max-call-time", "10S");
        properties.put("flowgate.sweep.older-than", "0S");
        return properties;
    }

    @AfterEach
    void vendorAnswersAtOnceAgain() {
        vendor.delayAnswers(Duration.ZERO);
        lambda.runtimeApi().invocationTimeout(FUNCTION_TIMEOUT_MS);
    }

    @AfterAll
    static void stop() throws Exception {
        PackagedSetup.closeAll(lambda, vendor);
    }

    @Test
    void answersUpstreamTimeoutBeforeTheFunctionsDeadlineWhenTheVendorIsSlowerThanItsTime() {
        vendor.delayAnswers(Duration.ofSeconds(20));
        long started = System.nanoTime();

        given().contentType("application/json").body("{\"flow\":\"individuals\",\"reference\":\"order-budget-1\"}")
                .post("/createSession")
                .then().statusCode(504).body("code", equalTo("upstream_timeout"));

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.toMillis() < FUNCTION_TIMEOUT_MS, "answered after " + took);
    }

    @Test
    void aSweepStopsTakingSessionsWhenItsTimeGetsShortAndReportsWhatItLeft() throws Exception {
        for (int i = 0; i < 6; i++) {
            given().contentType("application/json").body("{\"flow\":\"individuals\"}").post("/createSession")
                    .then().statusCode(200);
        }
        Thread.sleep(50);
        vendor.delayAnswers(Duration.ofMillis(1_500));
        lambda.runtimeApi().invocationTimeout(SWEEP_TIMEOUT_MS);
        long started = System.nanoTime();

        JsonPath report = given().contentType("application/json").body("{}").post("/sweep")
                .then().statusCode(200).extract().jsonPath();

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.toMillis() < SWEEP_TIMEOUT_MS, "answered after " + took);
        int examined = report.getInt("examined");
        int leftOver = report.getInt("leftOver");
        assertEquals(6, examined + leftOver, report.prettify());
        assertTrue(examined >= 1 && leftOver >= 1, report.prettify());
        assertEquals(examined, report.getInt("completed"), report.prettify());
    }
}
