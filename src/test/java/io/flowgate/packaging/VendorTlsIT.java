package io.flowgate.packaging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowgate.testsupport.SelfSignedCertificate;
import io.flowgate.testsupport.TestCallers;
import io.flowgate.testsupport.Tokens;
import io.flowgate.testsupport.lambda.LambdaStack;
import io.flowgate.testsupport.lambda.PackagedFunction;
import io.flowgate.testsupport.lambda.StubVendor;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged artifact (the native executable after {@code -Dnative}) in front of a vendor over HTTPS whose
 * certificate, self-signed for the run, stands for a private CA or a TLS-intercepting proxy: trusted through the
 * TLS registry configured in the environment only, as in AWS (docs/security.md, "The connection to the vendor").
 */
class VendorTlsIT {

    private static final Path TARGET = Path.of(System.getProperty("flowgate.target", "target"));

    private static SelfSignedCertificate certificate;
    private static StubVendor vendor;
    private LambdaStack lambda;

    @BeforeAll
    static void startTheVendorOverHttps() throws Exception {
        certificate = SelfSignedCertificate.create(TARGET.resolve("vendor-tls-it"));
        vendor = StubVendor.https(certificate.serverContext());
        TestCallers.useTestToken();
    }

    @Test
    void createsASessionWhenTheNamedTlsConfigurationTrustsTheVendorsCertificateInPem() throws Exception {
        start(Map.of(
                "QUARKUS_TLS_VENDOR_TRUST_STORE_PEM_CERTS", certificate.certificatePem().toString(),
                "FLOWGATE_UPSTREAM_TLS_CONFIGURATION_NAME", "vendor"));

        String sessionId = createSession().statusCode(200).extract().path("sessionId");

        assertTrue(vendor.sessions().contains(sessionId), sessionId);
    }

    @Test
    void createsASessionWhenTheDefaultTlsConfigurationTrustsTheVendorsCertificateInPkcs12() throws Exception {
        start(Map.of(
                "QUARKUS_TLS_TRUST_STORE_P12_PATH", certificate.trustStoreP12().toString(),
                "QUARKUS_TLS_TRUST_STORE_P12_PASSWORD", certificate.password()));

        String sessionId = createSession().statusCode(200).extract().path("sessionId");

        assertTrue(vendor.sessions().contains(sessionId), sessionId);
    }

    @Test
    void answers503AndStoresNothingWhenNothingTrustsTheVendorsCertificate() throws Exception {
        start(Map.of());
        int calls = vendor.createCalls();

        given().contentType(ContentType.JSON).body("{\"flow\":\"individuals\",\"reference\":\"order-untrusted\"}")
                .when().post("/createSession")
                .then().statusCode(503).body("code", equalTo("upstream_unavailable"));

        assertEquals(calls, vendor.createCalls());
        given().contentType(ContentType.JSON).body("{\"reference\":\"order-untrusted\"}").post("/getResult")
                .then().statusCode(404);
    }

    @Test
    void answers503WhenTheTrustedCertificateIsForAnotherHost() throws Exception {
        SelfSignedCertificate otherHost = SelfSignedCertificate.create(TARGET.resolve("vendor-tls-it"),
                "dns:vendor.example.com");
        try (StubVendor impostor = StubVendor.https(otherHost.serverContext())) {
            start(impostor, Map.of(
                    "QUARKUS_TLS_VENDOR_TRUST_STORE_PEM_CERTS", otherHost.certificatePem().toString(),
                    "FLOWGATE_UPSTREAM_TLS_CONFIGURATION_NAME", "vendor"));

            createSession().statusCode(503).body("code", equalTo("upstream_unavailable"));

            assertEquals(0, impostor.createCalls());
        }
    }

    private static ValidatableResponse createSession() {
        return given().contentType(ContentType.JSON).body("{\"flow\":\"individuals\"}")
                .when().post("/createSession").then();
    }

    private void start(Map<String, String> tls) throws Exception {
        start(vendor, tls);
    }

    /** The packaged function in front of {@code upstream}, configured by the environment only, plus {@code tls}. */
    private void start(StubVendor upstream, Map<String, String> tls) throws Exception {
        lambda = LambdaStack.start(PackagedFunction.Artifact.in(TARGET), 1,
                LambdaStack.javaBinary(), List.of(),
                publicUrl -> environment(publicUrl, upstream, tls), TARGET.resolve("vendor-tls-it"), 90_000);
        RestAssured.baseURI = "http://127.0.0.1";
        RestAssured.port = lambda.gateway().port();
    }

    private static Map<String, String> environment(String publicUrl, StubVendor upstream, Map<String, String> tls) {
        Map<String, String> environment = new HashMap<>(tls);
        environment.put("FLOWGATE_PUBLIC_BASE_URL", publicUrl);
        environment.put("FLOWGATE_STATE_SECRET", "vendor-tls-it-state-secret-0123456789abcdef");
        environment.put("FLOWGATE_FLOWS_INDIVIDUALS_API_KEY", "vendor-tls-it-individuals-key-000000000000000000");
        environment.put("FLOWGATE_UPSTREAM_API_URL", upstream.apiUrl());
        environment.put("FLOWGATE_UPSTREAM_FLOW_URL", upstream.flowUrl());
        environment.put("FLOWGATE_STORE_TYPE", "memory");
        environment.put("FLOWGATE_AUTH_TOKENS_TESTS_SHA256", Tokens.sha256(TestCallers.TOKEN));
        environment.put("FLOWGATE_AUTH_TOKENS_TESTS_FLOWS", "*");
        return environment;
    }

    @AfterEach
    void stopTheFunction() throws Exception {
        RestAssured.reset();
        TestCallers.useTestToken();
        if (lambda != null) {
            lambda.close();
            lambda = null;
        }
    }

    @AfterAll
    static void stopTheVendor() {
        if (vendor != null) {
            vendor.close();
        }
    }
}
