package io.flowgate.packaging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowgate.testsupport.lambda.LambdaStack;
import io.flowgate.testsupport.lambda.PackagedFunction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Starts the packaged production artifact (the native executable after a native build, the runner
 * jar otherwise) with incomplete configuration: it must refuse to start, naming each missing or wrong
 * property and never printing a secret's value.
 */
class ProductionStartupIT {

    private static final Path TARGET = Path.of(System.getProperty("flowgate.target", "target"));

    @Test
    void refusesToStartWithoutItsRequiredPropertiesAndNamesThem() throws Exception {
        Run run = start(Map.of());

        assertNotEquals(0, run.exitCode());
        assertTrue(run.output().contains("flowgate.public-base-url"), run.output());
        assertTrue(run.output().contains("flowgate.state-secret"), run.output());
    }

    @Test
    void refusesToStartWithoutAFlowOrWithAShortSecretAndNeverPrintsTheSecret() throws Exception {
        Run run = start(Map.of(
                "FLOWGATE_PUBLIC_BASE_URL", "https://kyc.shop.example.com",
                "FLOWGATE_STATE_SECRET", "too-short-secret-value"));

        assertNotEquals(0, run.exitCode());
        assertTrue(run.output().contains("configure at least one flow: flowgate.flows.<name>.api-key"), run.output());
        assertTrue(run.output().contains("flowgate.state-secret must be at least 32 characters"), run.output());
        assertTrue(run.output().contains("configure at least one caller: flowgate.auth.tokens.<caller>.sha256"),
                run.output());
        assertFalse(run.output().contains("too-short-secret-value"), run.output());
    }

    @Test
    void refusesToStartWithATokenThatIsNotAHashOrACallerOfAnUnknownFlow() throws Exception {
        Run run = startWithValidConfig(Map.of(
                "FLOWGATE_AUTH_TOKENS_BACKEND_SHA256", "plain-text-token-put-here-by-mistake",
                "FLOWGATE_AUTH_TOKENS_BACKEND_FLOWS", "individuals,nobody"));

        assertNotEquals(0, run.exitCode());
        assertTrue(run.output().contains("flowgate.auth.tokens.backend.sha256 must be 64 hexadecimal characters"),
                run.output());
        assertTrue(run.output().contains("flowgate.auth.tokens.backend.flows names a flow that is not configured"),
                run.output());
        assertFalse(run.output().contains("plain-text-token-put-here-by-mistake"), run.output());
    }

    @Test
    void refusesToStartWithAPlainHttpPublicBaseUrlBeyondLoopbackOrLocalhostReturnUrlsAndNamesThem() throws Exception {
        Run run = startWithValidConfig(Map.of(
                "FLOWGATE_PUBLIC_BASE_URL", "http://kyc.shop.example.com",
                "FLOWGATE_RETURN_URL_ALLOW_LOCALHOST_HTTP", "true"));

        assertNotEquals(0, run.exitCode());
        assertTrue(run.output().contains("flowgate.public-base-url must be https (http only to localhost, 127.0.0.1 or "
                + "[::1]) in production"), run.output());
        assertTrue(run.output().contains("flowgate.return-url.allow-localhost-http=true is refused in production"),
                run.output());
        assertFalse(run.output().contains("Installed features"), run.output());
    }

    @Test
    void leavesTheSandboxOutOfTheProductionBuild() throws Exception {
        Run run = startWithValidConfig(Map.of(
                "FLOWGATE_SANDBOX_ENABLED", "true"));

        assertTrue(run.output().contains("Profile prod activated"), run.output());
        assertFalse(run.output().contains("Sandbox of the vendor API listening"), run.output());
        assertFalse(run.output().contains("not-a-real-key"), run.output());
    }

    @Test
    void startsOnTheDynamoDbStoreWithoutAnyAwsConfiguration() throws Exception {
        Run run = startWithValidConfig(Map.of());

        assertTrue(run.output().contains("Installed features"), run.output());
        assertTrue(run.output().contains("amazon-sdk-dynamodb"), run.output());
        assertFalse(run.output().contains("ERROR"), run.output());
    }

    @Test
    void refusesToStartWithAnUnknownStoreTypeAndNamesTheProperty() throws Exception {
        Run run = startWithValidConfig(Map.of(
                "FLOWGATE_STORE_TYPE", "mongodb"));

        assertNotEquals(0, run.exitCode());
        assertTrue(run.output().contains("flowgate.store.type"), run.output());
    }

    @Test
    void refusesToStartWithACallerWhoseFlowsAreNotWrittenAndNamesIt() throws Exception {
        Run run = startWithValidConfig(Map.of(
                "FLOWGATE_AUTH_TOKENS_OPS_SHA256", "d9f9e66605ce540ba2fbde107e7c9e011309e1f1af824ad8167c1ff426ccfa90"));

        assertNotEquals(0, run.exitCode());
        assertTrue(run.output().contains("flowgate.auth.tokens.ops.flows is required: the flows this caller may use, "
                + "comma-separated, or * for every flow (environment: FLOWGATE_AUTH_TOKENS_OPS_FLOWS)"), run.output());
    }

    @Test
    void refusesToStartAsAFunctionItDoesNotKnowAndNamesTheProperty() throws Exception {
        Run run = startWithValidConfig(Map.of(
                "FLOWGATE_FUNCTION", "createSessions"));

        assertNotEquals(0, run.exitCode());
        assertTrue(run.output().contains("flowgate.function (FLOWGATE_FUNCTION) must be one of callback, cancelSession, "
                + "collectResult, createSession, deliverWebhooks, getResult, listFailedWebhooks, listSessions, "
                + "redactSession, resendWebhook, resumeSession, reviewSession, sweep, video"),
                run.output());
    }

    @Test
    void refusesToStartWithAMalformedDecisionRuleAndNamesTheFlow() throws Exception {
        Run run = startWithValidConfig(Map.of(
                "FLOWGATE_FLOWS_INDIVIDUALS_DECISION_APPROVE_WHEN", "similarity >= 0.8"));

        assertNotEquals(0, run.exitCode());
        assertTrue(run.output().contains("flowgate.flows.individuals.decision: decision rule 'similarity >= 0.8' is not"),
                run.output());
    }

    @Test
    void refusesToStartWhenTheVendorsTlsConfigurationIsNotConfiguredAndNamesTheProperty() throws Exception {
        Run run = startWithValidConfig(Map.of(
                "FLOWGATE_UPSTREAM_TLS_CONFIGURATION_NAME", "vendor"));

        assertNotEquals(0, run.exitCode());
        assertTrue(run.output().contains("flowgate.upstream.tls-configuration-name names a TLS configuration that is "
                + "not configured"), run.output());
    }

    @Test
    void refusesToStartWhenTheVendorsTrustStoreIsMissing() throws Exception {
        Run run = startWithValidConfig(Map.of(
                "QUARKUS_TLS_VENDOR_TRUST_STORE_PEM_CERTS", "/no/such/dir/vendor-ca.pem",
                "FLOWGATE_UPSTREAM_TLS_CONFIGURATION_NAME", "vendor"));

        assertNotEquals(0, run.exitCode());
        assertTrue(run.output().contains("vendor-ca.pem"), run.output());
    }

    /** A configuration that starts, plus {@code extra}. */
    private static Run startWithValidConfig(Map<String, String> extra) throws IOException, InterruptedException {
        Map<String, String> environment = new java.util.HashMap<>(Map.of(
                "FLOWGATE_PUBLIC_BASE_URL", "https://kyc.shop.example.com",
                "FLOWGATE_STATE_SECRET", "a-long-enough-secret-for-this-test-0123456789",
                "FLOWGATE_FLOWS_INDIVIDUALS_API_KEY", "not-a-real-key-0000000000000000000000000000000",
                "FLOWGATE_AUTH_TOKENS_BACKEND_SHA256", "00c0babdb8a3af83b4bfcc1146593bc2ae88f40dd8bd365bf5eccf49962cf628",
                "FLOWGATE_AUTH_TOKENS_BACKEND_FLOWS", "*"));
        environment.putAll(extra);
        return start(environment);
    }

    private static Run start(Map<String, String> environment) throws IOException, InterruptedException {
        PackagedFunction.Artifact artifact = PackagedFunction.Artifact.in(TARGET);
        Path log = Files.createTempFile("flowgate-startup", ".log");
        List<String> command = new ArrayList<>(artifact.isNative() ? List.of(artifact.nativeExecutable().toString())
                : List.of(LambdaStack.javaBinary(), "-jar", artifact.runnerJar().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("FLOWGATE_") || name.startsWith("AWS_"));
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_LOG_CATEGORY__IO_FLOWGATE__LEVEL", "DEBUG");
        Process process = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (process.isAlive() && System.nanoTime() < deadline && !startedFully(log)) {
            Thread.sleep(100);
        }
        Thread.sleep(300);
        if (process.isAlive()) {
            process.destroyForcibly().waitFor();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        return new Run(process.exitValue(), output);
    }

    private static boolean startedFully(Path log) throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8).contains("Installed features");
    }


    private record Run(int exitCode, String output) {
    }
}
