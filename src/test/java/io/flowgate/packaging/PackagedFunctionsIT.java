package io.flowgate.packaging;

import io.flowgate.testsupport.lambda.LambdaStack;
import io.flowgate.testsupport.lambda.StubVendor;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The functions over HTTP on the packaged artifact, as Lambda runs it: the runner jar through AWS's runtime
 * interface client (the native executable after {@code -Dnative}), polling an emulated Runtime API behind an
 * emulated HTTP API that turns REST Assured's requests into API Gateway events; configured through the
 * environment only; a stub vendor, since the production build has no sandbox. One process for the suite,
 * sessions in its memory. ({@code @QuarkusIntegrationTest} cannot drive the JVM build of a Lambda on Quarkus
 * 3.33: the jar polls for events only in native, dev and test mode; see docs/testing.md, "The packaged artifact".)
 */
class PackagedFunctionsIT extends FunctionsOverHttpContract {

    private static final Path TARGET = Path.of(System.getProperty("flowgate.target", "target"));

    private static StubVendor vendor;
    private static LambdaStack lambda;

    @BeforeAll
    static void startThePackagedFunction() throws Exception {
        vendor = new StubVendor();
        lambda = LambdaStack.startPackaged(TARGET, PackagedFunctionsIT::configuration, TARGET.resolve("packaged-it"));
        PackagedSetup.callThrough(lambda);
    }

    /** The function's whole configuration, given through the environment as in AWS. */
    private static Map<String, String> configuration(String publicUrl) {
        Map<String, String> properties = PackagedSetup.configuration("packaged-it", publicUrl, vendor);
        properties.putAll(CONFIGURATION);
        return properties;
    }

    @AfterAll
    static void stop() throws Exception {
        PackagedSetup.closeAll(lambda, vendor);
    }

    @Override
    StubVendor vendor() {
        return vendor;
    }

    @Override
    String publicBaseUrl() {
        return lambda.gateway().baseUrl();
    }

    @Override
    String invoke(String event) throws Exception {
        return lambda.runtimeApi().enqueue(event).answer().get(30, TimeUnit.SECONDS);
    }

}
