package io.flowgate.packaging;

import io.flowgate.testsupport.TestCallers;
import io.flowgate.testsupport.Tokens;
import io.flowgate.testsupport.lambda.LambdaStack;
import io.flowgate.testsupport.lambda.StubVendor;
import io.restassured.RestAssured;
import java.util.HashMap;
import java.util.Map;

/** What the packaged-artifact tests that run on the memory store share: their least configuration, their end. */
final class PackagedSetup {

    private PackagedSetup() {
    }

    /**
     * A configuration that starts in production: the flow {@code individuals} at {@code vendor}, the test caller,
     * sessions in memory; {@code name} tells the test's secrets apart. Mutable, for the test's own additions.
     */
    static Map<String, String> configuration(String name, String publicUrl, StubVendor vendor) {
        Map<String, String> properties = new HashMap<>();
        properties.put("flowgate.public-base-url", publicUrl);
        properties.put("flowgate.state-secret", (name + "-state-secret-0123456789abcdef0123456789"));
        properties.put("flowgate.flows.individuals.api-key", name + "-individuals-key-0000000000000000000000000000");
        properties.put("flowgate.upstream.api-url", vendor.apiUrl());
        properties.put("flowgate.upstream.flow-url", vendor.flowUrl());
        properties.put("flowgate.store.type", "memory");
        properties.put("flowgate.auth.tokens.tests.sha256", Tokens.sha256(TestCallers.TOKEN));
        properties.put("flowgate.auth.tokens.tests.flows", "*");
        return properties;
    }

    /** Points REST Assured at the function's emulated HTTP API, as the test caller. */
    static void callThrough(LambdaStack lambda) {
        RestAssured.baseURI = "http://127.0.0.1";
        RestAssured.port = lambda.gateway().port();
        TestCallers.useTestToken();
    }

    /** Stops what a test started, those that did start, and forgets REST Assured's target. */
    static void closeAll(AutoCloseable... started) throws Exception {
        RestAssured.reset();
        for (AutoCloseable part : started) {
            if (part != null) {
                part.close();
            }
        }
    }
}
