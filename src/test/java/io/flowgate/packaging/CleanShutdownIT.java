package io.flowgate.packaging;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowgate.testsupport.lambda.LambdaStack;
import io.flowgate.testsupport.lambda.StubVendor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Told to stop (SIGTERM) after serving, the packaged function shuts down without an error in its log: Quarkus'
 * runtime loop reports its long poll's closed socket at ERROR, which is no error (RuntimeLoopLogFilter).
 */
class CleanShutdownIT {

    private static final Path TARGET = Path.of(System.getProperty("flowgate.target", "target"));

    @Test
    void stopsWithoutAnErrorInItsLog() throws Exception {
        Path logs = TARGET.resolve("clean-shutdown-it");
        StubVendor vendor = new StubVendor();
        LambdaStack lambda = LambdaStack.startPackaged(TARGET,
                publicUrl -> PackagedSetup.configuration("shutdown-it", publicUrl, vendor), logs);
        try {
            PackagedSetup.callThrough(lambda);
            given().contentType("application/json").body("{\"flow\":\"individuals\"}").post("/createSession")
                    .then().statusCode(200);
        } finally {
            PackagedSetup.closeAll(lambda, vendor);
        }

        List<String> log = Files.readAllLines(logs.resolve("instance-1.log"));
        assertTrue(log.stream().anyMatch(line -> line.contains("session.created")), String.join("\n", log));
        assertEquals(List.of(), log.stream().filter(line -> line.contains("ERROR")).toList());
    }
}
