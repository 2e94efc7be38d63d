package io.flowgate.packaging;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.flowgate.testsupport.TestImages;
import io.flowgate.testsupport.lambda.LambdaStack;
import io.flowgate.testsupport.lambda.PackagedFunction;
import io.flowgate.testsupport.lambda.PackagedFunction.Artifact;
import io.flowgate.testsupport.lambda.StubVendor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged function at the smallest memory serverless.yml gives a function (256 MB, the test harness'
 * {@code AWS_LAMBDA_FUNCTION_MEMORY_SIZE}): the native executable runs as Lambda starts it, through function.zip's
 * {@code bootstrap}, with its heap bounded by that memory, and the largest request still fits in it.
 */
class NativeMemoryIT {

    private static final Path TARGET = Path.of(System.getProperty("flowgate.target", "target"));
    /** About the largest photo a request can carry through Lambda, whose invocation payload is at most 6 MB. */
    private static final int PHOTO_BYTES = 4 * 1024 * 1024;

    private StubVendor vendor;
    private LambdaStack lambda;

    @BeforeEach
    void start() throws Exception {
        vendor = new StubVendor();
        lambda = LambdaStack.startPackaged(TARGET, publicUrl -> PackagedSetup.configuration("memory-it", publicUrl, vendor),
                TARGET.resolve("native-memory-it"));
        PackagedSetup.callThrough(lambda);
    }

    @AfterEach
    void stop() throws Exception {
        PackagedSetup.closeAll(lambda, vendor);
    }

    @Test
    void nativeExecutableRunsWithHalfTheFunctionsMemoryAsHeap() throws Exception {
        Artifact artifact = Artifact.in(TARGET);
        assumeTrue(artifact.isNative(), "the JVM variant's heap is sized by Lambda's managed java21 runtime");
        PackagedFunction instance = lambda.instances().get(0);

        String commandLine = Files.readString(Path.of("/proc/" + instance.process().pid() + "/cmdline"),
                StandardCharsets.UTF_8);
        assertEquals(List.of(artifact.taskRoot().resolve("runner").toString(), "-Xmx128m", "-Xmn8m"),
                List.of(commandLine.split("\0")));
    }

    @Test
    void createsASessionWithTheLargestPhotoALambdaRequestCarries() {
        byte[] photo = new byte[PHOTO_BYTES];
        byte[] png = Base64.getDecoder().decode(TestImages.pngBase64());
        System.arraycopy(png, 0, photo, 0, png.length);

        given().contentType("application/json")
                .body("{\"flow\":\"individuals\",\"prefill\":{\"photo\":\"" + Base64.getEncoder().encodeToString(photo) + "\"}}")
                .post("/createSession")
                .then().statusCode(200);

        assertEquals(1, vendor.createCalls());
        assertTrue(vendor.lastCreateBytes() > PHOTO_BYTES * 4 / 3, "the vendor got the photo: " + vendor.lastCreateBytes());
    }
}
