package io.flowgate.packaging;

import static io.restassured.RestAssured.given;

import io.flowgate.testsupport.lambda.StubVendor;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The functions over HTTP in test mode, through Quarkus' mock Lambda event server, against the same stub
 * vendor as {@link PackagedFunctionsIT}: the suite itself is checked on every build, before packaging.
 */
@QuarkusTest
@WithTestResource(FunctionsOverHttpTest.Vendor.class)
class FunctionsOverHttpTest extends FunctionsOverHttpContract {

    @ConfigProperty(name = "flowgate.public-base-url")
    String publicBaseUrl;

    @Override
    StubVendor vendor() {
        return Vendor.vendor;
    }

    @Override
    String publicBaseUrl() {
        return publicBaseUrl;
    }

    /** The mock event server takes raw events at {@code /_lambda_}. */
    @Override
    String invoke(String event) {
        return given().contentType("application/json").body(event).when().post("/_lambda_")
                .then().statusCode(200).extract().asString();
    }

    /** Starts the stub vendor and points the application at it. */
    public static class Vendor implements QuarkusTestResourceLifecycleManager {

        static StubVendor vendor;

        @Override
        public Map<String, String> start() {
            try {
                vendor = new StubVendor();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Map<String, String> config = new HashMap<>(CONFIGURATION);
            config.put("flowgate.upstream.api-url", vendor.apiUrl());
            config.put("flowgate.upstream.flow-url", vendor.flowUrl());
            return config;
        }

        @Override
        public void stop() {
            if (vendor != null) {
                vendor.close();
                vendor = null;
            }
        }
    }
}
