package io.flowgate.packaging;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.flowgate.testsupport.lambda.LambdaStack;
import io.flowgate.testsupport.lambda.PackagedFunction.Artifact;
import io.flowgate.testsupport.lambda.StubVendor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The AWS SDK's clients are built on first use, not at startup: the packaged JVM function, configured as in
 * production (sessions in DynamoDB, a video archive bucket), has loaded no DynamoDB or S3 client and none of
 * S3's classes when it is ready for its first invocation; the first request that reads a session builds the
 * DynamoDB client. (The JVM's class-loading log shows it; a native executable has its classes from the start.)
 */
class LazyAwsClientsIT {

    private static final Path TARGET = Path.of(System.getProperty("flowgate.target", "target"));
    private static final String DYNAMODB_CLIENT = "software.amazon.awssdk.services.dynamodb.DefaultDynamoDbClient";
    private static final Pattern S3 = Pattern.compile("software\\.amazon\\.awssdk\\.services\\.s3\\.\\S+");

    @Test
    void buildsTheDynamoDbAndS3ClientsOnFirstUseOnly() throws Exception {
        Artifact artifact = Artifact.in(TARGET);
        assumeFalse(artifact.isNative(), "class loading is seen in a JVM");
        Path logs = TARGET.resolve("lazy-aws-clients-it");
        Files.createDirectories(logs);
        Path classes = logs.resolve("classes.txt");
        Files.deleteIfExists(classes);
        StubVendor vendor = new StubVendor();
        LambdaStack lambda = LambdaStack.start(artifact, 1, LambdaStack.javaBinary(),
                List.of("-Xlog:class+load=info:file=" + classes), publicUrl -> LambdaStack.environmentOf(
                        productionLike(PackagedSetup.configuration("lazy-it", publicUrl, vendor))), logs, 90_000);
        try {
            List<String> atReady = loaded(classes);
            assertEquals(List.of(), atReady.stream().filter(c -> c.equals(DYNAMODB_CLIENT) || S3.matcher(c).matches())
                    .toList(), "loaded before the first invocation");

            PackagedSetup.callThrough(lambda);
            // no DynamoDB listens there: the store's first call builds the client, then fails to connect (500)
            given().contentType("application/json").body("{\"sessionId\":\"" + java.util.UUID.randomUUID() + "\"}")
                    .post("/getResult").then().statusCode(500);
            assertEquals(List.of(DYNAMODB_CLIENT), loaded(classes).stream().filter(DYNAMODB_CLIENT::equals).toList());
        } finally {
            PackagedSetup.closeAll(lambda, vendor);
        }
    }

    private static Map<String, String> productionLike(Map<String, String> properties) {
        properties.put("flowgate.store.type", "dynamodb");
        properties.put("flowgate.store.dynamodb.table", "lazy-it-sessions");
        properties.put("quarkus.dynamodb.endpoint-override", "http://127.0.0.1:9");
        properties.put("quarkus.dynamodb.aws.region", "eu-central-1");
        properties.put("quarkus.dynamodb.aws.credentials.type", "static");
        properties.put("quarkus.dynamodb.aws.credentials.static-provider.access-key-id", "lazy-it");
        properties.put("quarkus.dynamodb.aws.credentials.static-provider.secret-access-key", "lazy-it");
        properties.put("flowgate.video.archive.bucket", "lazy-it-videos");
        properties.put("flowgate.video.archive.endpoint-override", "http://127.0.0.1:9");
        return properties;
    }

    /** The classes the JVM has loaded so far, from its -Xlog:class+load lines ("[...] name source: ..."). */
    private static List<String> loaded(Path classLog) throws IOException {
        return Files.readAllLines(classLog).stream().map(line -> line.replaceFirst("^(\\[[^]]*])+\\s*", ""))
                .map(line -> line.split(" ")[0]).toList();
    }
}
