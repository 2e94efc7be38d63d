package io.flowgate.packaging;

import static io.flowgate.testsupport.Sweeps.sweep;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flowgate.journey.Journeys;
import io.flowgate.testsupport.Dynalite;
import io.flowgate.testsupport.TestCallers;
import io.flowgate.testsupport.Tokens;
import io.flowgate.testsupport.lambda.LambdaStack;
import io.flowgate.testsupport.lambda.StubVendor;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The packaged function (as {@link PackagedFunctionsIT} runs it) on the DynamoDB store, for the tests that stop or
 * kill its process and start a new one: the sessions live in a dynalite table that outlives every process, and
 * each start is a cold start of the artifact, configured through the environment only. REST Assured is pointed
 * at the newest start's gateway and calls as the test caller.
 */
final class PackagedOnDynamoDb {

    static final Path TARGET = Path.of(System.getProperty("flowgate.target", "target"));
    static final String APPROVE_WHEN = "/liveness_result/is_live == true,/face2face_result/similarity >= 0.8";

    private PackagedOnDynamoDb() {
    }

    /**
     * What every start shares: the stub vendor, the table {@code table} at {@code endpoint} (created by the first
     * start), the test caller, the flow {@code individuals}; {@code more} adds to it or overrides it.
     */
    static Map<String, String> configuration(StubVendor vendor, String endpoint, String table,
            Map<String, String> more) {
        Map<String, String> properties = new HashMap<>();
        properties.put("flowgate.state-secret", "packaged-it-state-secret-0123456789abcdef");
        properties.put("flowgate.flows.individuals.api-key", "packaged-it-individuals-key-000000000000000000000");
        properties.put("flowgate.flows.individuals.decision.approve-when", APPROVE_WHEN);
        properties.put("flowgate.upstream.api-url", vendor.apiUrl());
        properties.put("flowgate.upstream.flow-url", vendor.flowUrl());
        properties.put("flowgate.auth.tokens.tests.sha256", Tokens.sha256(TestCallers.TOKEN));
        properties.put("flowgate.auth.tokens.tests.flows", "*");
        properties.put("flowgate.store.type", "dynamodb");
        properties.put("flowgate.store.dynamodb.table", table);
        properties.put("flowgate.store.dynamodb.create-table", "true");
        properties.put("quarkus.dynamodb.endpoint-override", endpoint);
        properties.put("quarkus.dynamodb.aws.region", Dynalite.REGION);
        properties.put("quarkus.dynamodb.aws.credentials.type", "static");
        String credentials = "quarkus.dynamodb.aws.credentials.static-provider.";
        properties.put(credentials + "access-key-id", Dynalite.ACCESS_KEY_ID);
        properties.put(credentials + "secret-access-key", Dynalite.SECRET_ACCESS_KEY);
        properties.putAll(more);
        return properties;
    }

    /** A table of its own for a test. */
    static String freshTable() {
        return "flowgate-it-" + UUID.randomUUID();
    }

    /**
     * A cold start: one new process of the artifact with {@code properties} (the public base URL added), its log in
     * {@code logDir}; REST Assured now calls its gateway.
     */
    static LambdaStack start(Map<String, String> properties, Path logDir) throws Exception {
        LambdaStack lambda = LambdaStack.startPackaged(TARGET, publicUrl -> withPublicUrl(properties, publicUrl),
                logDir);
        PackagedSetup.callThrough(lambda);
        return lambda;
    }

    private static Map<String, String> withPublicUrl(Map<String, String> properties, String publicUrl) {
        Map<String, String> all = new HashMap<>(properties);
        all.put("flowgate.public-base-url", publicUrl);
        return all;
    }

    /** A sweep's report as a map, to compare with {@link #report}. */
    static Map<String, Integer> counts(JsonPath report) {
        return report.getMap("");
    }

    /** A sweep's report with these counts and nothing left over. */
    static Map<String, Integer> report(int examined, int completed, int expired, int pending, int failed,
            int recovered) {
        Map<String, Integer> report = new LinkedHashMap<>();
        report.put("examined", examined);
        report.put("completed", completed);
        report.put("expired", expired);
        report.put("pending", pending);
        report.put("failed", failed);
        report.put("recovered", recovered);
        report.put("leftOver", 0);
        return report;
    }

    /** getResult answers the session final: {@code status}, and {@code reason} as its statusReason (null: none). */
    static void assertFinal(String sessionId, String status, String reason) {
        JsonPath result = Journeys.getResult("{\"sessionId\":\"" + sessionId + "\"}").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(status, result.getString("status"), sessionId);
        assertEquals(reason, result.getString("statusReason"), sessionId);
    }

    /** A client of the table straight at dynalite, to see what the function wrote. */
    static DynamoDbClient dynamoDb(String endpoint) {
        return DynamoDbClient.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.of(Dynalite.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(Dynalite.ACCESS_KEY_ID, Dynalite.SECRET_ACCESS_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /** Waits until {@code epochMillis} on the real clock: the packaged function has no other. */
    static void sleepUntil(long epochMillis) throws InterruptedException {
        long wait = epochMillis - System.currentTimeMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }

}
