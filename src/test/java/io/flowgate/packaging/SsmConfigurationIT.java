package io.flowgate.packaging;

import static io.flowgate.journey.Journeys.createSession;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowgate.testsupport.TestCallers;
import io.flowgate.testsupport.Tokens;
import io.flowgate.testsupport.lambda.LambdaStack;
import io.flowgate.testsupport.lambda.SsmStandIn;
import io.flowgate.testsupport.lambda.StubVendor;
import io.restassured.response.Response;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged artifact as Lambda runs it, its secrets in SSM Parameter Store (a stand-in of SSM's API) and none in
 * its environment, as serverless.yml deploys it: it reads the stage's path once at startup and serves with what it
 * read; a missing parameter or a refused read stops startup with a message that names what is wrong, and no secret
 * value ever reaches its output.
 */
class SsmConfigurationIT {

    private static final Path TARGET = Path.of(System.getProperty("flowgate.target", "target"));
    private static final String FLOW_KEY = "ssm-individuals-key-4f1d0c1e0000000000000000000000";
    private static final String STATE_SECRET = "ssm-state-secret-7d3b9a51000000000000000000000000";
    private static final String EXTRA_FLOW_KEY = "ssm-extra-flow-key-0b5e00000000000000000000000000-";

    private StubVendor vendor;
    private SsmStandIn ssm;
    private LambdaStack lambda;

    @BeforeEach
    void start() throws Exception {
        vendor = new StubVendor();
        ssm = new SsmStandIn();
        ssm.putSecure("/flowgate/prod/state-secret", STATE_SECRET)
                .putSecure("/flowgate/prod/flows/individuals/api-key", FLOW_KEY)
                .putSecure("/flowgate/prod/auth/tokens/tests/sha256", Tokens.sha256(TestCallers.TOKEN))
                .putString("/flowgate/prod/return-url/allowed", "https://shop.example.com/kyc/");
        // more than a page of SSM's 10: the read must follow NextToken
        for (int i = 1; i <= 9; i++) {
            ssm.putSecure("/flowgate/prod/flows/extra-" + i + "/api-key", EXTRA_FLOW_KEY + i);
        }
        // another stage's secret, never read
        ssm.putSecure("/flowgate/dev/state-secret", "dev-stage-state-secret-never-read-0000000000");
    }

    @AfterEach
    void stop() throws Exception {
        PackagedSetup.closeAll(lambda, ssm, vendor);
    }

    /** Everything but the secrets, through the environment as serverless.yml gives it; AWS's as Lambda does. */
    private Map<String, String> environment(String publicUrl) {
        Map<String, String> properties = new HashMap<>();
        properties.put("flowgate.public-base-url", publicUrl);
        properties.put("flowgate.upstream.api-url", vendor.apiUrl());
        properties.put("flowgate.upstream.flow-url", vendor.flowUrl());
        properties.put("flowgate.store.type", "memory");
        properties.put("flowgate.auth.tokens.tests.flows", "*");
        properties.put("flowgate.ssm.path", "/flowgate/prod/");
        properties.put("flowgate.ssm.endpoint-override", ssm.endpoint());
        properties.put("AWS_ACCESS_KEY_ID", "ASIAFLOWGATETEST0001");
        properties.put("AWS_SECRET_ACCESS_KEY", "lambda-role-secret-access-key-for-tests");
        properties.put("AWS_SESSION_TOKEN", "lambda-role-session-token-for-tests");
        return properties;
    }

    @Test
    void servesACreateSessionWithTheFlowKeyReadFromSsmInOnePaginatedRead() throws Exception {
        lambda = LambdaStack.startPackaged(TARGET, this::environment, TARGET.resolve("ssm-it"));
        PackagedSetup.callThrough(lambda);

        Response created = createSession("{\"flow\": \"individuals\", \"returnUrl\": \"https://shop.example.com/kyc/done\"}");

        assertTrue(vendor.sessions().contains(created.<String>path("sessionId")));
        assertEquals(List.of(FLOW_KEY), vendor.apiKeys());
        List<SsmStandIn.Request> requests = ssm.requests();
        assertEquals(2, requests.size(), "13 parameters: two pages of one read");
        assertTrue(requests.get(0).authorization().startsWith("AWS4-HMAC-SHA256 Credential=ASIAFLOWGATETEST0001/"),
                requests.get(0).authorization());
        String output = lambda.output();
        assertTrue(output.contains("config.ssm.read path=/flowgate/prod/ parameters=13 "), output);
        assertTrue(output.contains("properties=flowgate.auth.tokens.tests.sha256,flowgate.flows.extra-1.api-key,"),
                output);
        assertNoSecretIn(output);
    }

    @Test
    void refusesToStartWhenTheStateSecretIsMissingAndNamesIt() {
        ssm.remove("/flowgate/prod/state-secret");

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> lambda = LambdaStack.startPackaged(TARGET, this::environment, TARGET.resolve("ssm-it")));

        String output = e.getMessage();
        assertTrue(output.contains("config.ssm.read path=/flowgate/prod/ parameters=12 "), output);
        assertTrue(output.contains("flowgate.state-secret"), output);
        assertNoSecretIn(output);
    }

    @Test
    void refusesToStartWhenSsmDeniesAccessNamingThePathAndTheCause() {
        ssm.refuseWith("AccessDeniedException");

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> lambda = LambdaStack.startPackaged(TARGET, this::environment, TARGET.resolve("ssm-it")));

        String output = e.getMessage();
        assertTrue(output.contains("flowgate cannot start: cannot read its configuration from the SSM path /flowgate/prod/ "
                + "(flowgate.ssm.path): AccessDeniedException: User: arn:aws:sts::111122223333:assumed-role/"
                + "flowgate-test/flowgate is not authorized to perform: ssm:GetParametersByPath"), output);
        assertNoSecretIn(output);
    }

    private static void assertNoSecretIn(String output) {
        for (String secret : List.of(FLOW_KEY, STATE_SECRET, EXTRA_FLOW_KEY, Tokens.sha256(TestCallers.TOKEN),
                "dev-stage-state-secret", "lambda-role-secret-access-key", "lambda-role-session-token")) {
            assertFalse(output.contains(secret), "a secret in the output: " + secret + "\n" + output);
        }
    }
}
