package io.flowgate.functions;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowgate.store.InMemorySessionStore;
import io.flowgate.testsupport.HttpsVendorResource;
import io.flowgate.testsupport.LogCapture;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A vendor (or a proxy in front of it) whose certificate no CA of the JVM issued, and no TLS configuration:
 * the handshake fails, so the vendor is unavailable to flowgate, and nothing is sent or stored.
 */
@QuarkusTest
@TestProfile(VendorTlsProfiles.NoTrustStore.class)
class VendorNotTrustedTest {

    @Inject
    InMemorySessionStore store;

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    @Test
    void answers503AndStoresNothingWhenTheVendorsCertificateIsNotTrusted() {
        given().contentType(ContentType.JSON).body("{\"flow\":\"everyone\"}")
                .when().post("/createSession")
                .then().statusCode(503)
                .header("Retry-After", "5")
                .body("code", equalTo("upstream_unavailable"));

        assertEquals(0, HttpsVendorResource.vendor().createCalls());
        assertEquals(0, store.size());
        assertTrue(logs.text().contains("javax.net.ssl.SSLHandshakeException"), logs.text());
    }
}
