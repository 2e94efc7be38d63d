package io.flowgate.config.ssm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowgate.testsupport.lambda.SsmStandIn;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** The reader against a stand-in of SSM's API: pages, the request it sends, and how it fails. */
class SsmParametersTest {

    private static final ParameterPath PROD = ParameterPath.of("/flowgate/prod/");

    private SsmStandIn ssm;

    @BeforeEach
    void start() throws Exception {
        ssm = new SsmStandIn();
    }

    @AfterEach
    void stop() {
        ssm.close();
    }

    private SsmParameters reader(String endpoint, Duration timeout) {
        return new SsmParameters(Optional.of(Region.EU_CENTRAL_1), Optional.of(URI.create(endpoint)),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAFLOWGATETEST0001", "test-secret-key")),
                timeout);
    }

    @Test
    void readsEveryParameterUnderThePathDecryptedInPagesOfTenWithOneRequestAPage() {
        Map<String, String> expected = new HashMap<>();
        for (int i = 0; i < 23; i++) {
            ssm.putSecure("/flowgate/prod/flows/flow-" + i + "/api-key", "key-" + i);
            expected.put("/flowgate/prod/flows/flow-" + i + "/api-key", "key-" + i);
        }
        ssm.putString("/flowgate/prod/return-url/allowed", "https://shop.example.com/kyc/");
        expected.put("/flowgate/prod/return-url/allowed", "https://shop.example.com/kyc/");
        ssm.putSecure("/flowgate/dev/state-secret", "another-stage-secret");
        ssm.putSecure("/flowgate/production/state-secret", "a-stage-with-a-longer-name");

        Map<String, String> read = reader(ssm.endpoint(), Duration.ofSeconds(5)).read(PROD);

        assertEquals(expected, read);
        List<SsmStandIn.Request> requests = ssm.requests();
        assertEquals(3, requests.size());
        for (SsmStandIn.Request request : requests) {
            assertEquals("AmazonSSM.GetParametersByPath", request.target());
            assertEquals("/flowgate/prod/", request.body().get("Path").asText());
            assertTrue(request.body().get("Recursive").asBoolean());
            assertTrue(request.body().get("WithDecryption").asBoolean());
            assertEquals(10, request.body().get("MaxResults").asInt());
            assertTrue(request.authorization().startsWith(
                    "AWS4-HMAC-SHA256 Credential=AKIAFLOWGATETEST0001/"), request.authorization());
            assertTrue(request.authorization().contains("/eu-central-1/ssm/aws4_request"), request.authorization());
        }
        assertFalse(requests.get(0).body().has("NextToken"));
        assertEquals("page-10", requests.get(1).body().get("NextToken").asText());
        assertEquals("page-20", requests.get(2).body().get("NextToken").asText());
    }

    @Test
    void failsOnAnEmptyPathNamingItAndWhatToDo() {
        ssm.putSecure("/flowgate/dev/state-secret", "another-stage-secret");

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> reader(ssm.endpoint(), Duration.ofSeconds(5)).read(PROD));

        assertEquals("flowgate cannot start: cannot read its configuration from the SSM path /flowgate/prod/ "
                + "(flowgate.ssm.path): there is no parameter under it: create them (docs/deployment.md), or correct the "
                + "path, the region or the account", e.getMessage());
    }

    @Test
    void failsAtOnceWhenAccessIsDeniedNamingThePathAndTheCauseButNoValue() {
        ssm.putSecure("/flowgate/prod/state-secret", "state-secret-never-shown-000000000000");
        ssm.refuseWith("AccessDeniedException");

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> reader(ssm.endpoint(), Duration.ofSeconds(5)).read(PROD));

        assertTrue(e.getMessage().startsWith("flowgate cannot start: cannot read its configuration from the SSM path "
                + "/flowgate/prod/ (flowgate.ssm.path): AccessDeniedException: User: arn:aws:sts::111122223333:"
                + "assumed-role/flowgate-test/flowgate is not authorized to perform: ssm:GetParametersByPath"),
                e.getMessage());
        assertFalse(e.getMessage().contains("never-shown"));
        assertEquals(1, ssm.requests().size());
    }

    @Test
    void retriesThrottlingTheSdksStandardThreeTimesThenFailsNamingIt() {
        ssm.putSecure("/flowgate/prod/state-secret", "state-secret-never-shown-000000000000");
        ssm.refuseWith("ThrottlingException");

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> reader(ssm.endpoint(), Duration.ofSeconds(5)).read(PROD));

        assertEquals("flowgate cannot start: cannot read its configuration from the SSM path /flowgate/prod/ "
                + "(flowgate.ssm.path): ThrottlingException: Rate exceeded", e.getMessage());
        assertEquals(3, ssm.requests().size());
    }

    @Test
    void failsWhenTheEndpointIsUnreachableNamingThePath() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            closedPort = socket.getLocalPort();
        }

        long start = System.nanoTime();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> reader("http://127.0.0.1:" + closedPort, Duration.ofSeconds(5)).read(PROD));

        assertTrue(e.getMessage().startsWith("flowgate cannot start: cannot read its configuration from the SSM path "
                + "/flowgate/prod/ (flowgate.ssm.path): SdkClientException: Unable to execute HTTP request"),
                e.getMessage());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(5)) < 0);
    }

    @Test
    void givesUpWithinItsTimeoutWhateverTheRetries() {
        ssm.putSecure("/flowgate/prod/state-secret", "state-secret-never-shown-000000000000");
        ssm.refuseWith("ThrottlingException");

        long start = System.nanoTime();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> reader(ssm.endpoint(), Duration.ofMillis(300)).read(PROD));

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(Duration.ofMillis(1500)) < 0, took.toString());
        assertTrue(e.getMessage().startsWith("flowgate cannot start: cannot read its configuration from the SSM path "
                + "/flowgate/prod/ (flowgate.ssm.path): "), e.getMessage());
    }
}
