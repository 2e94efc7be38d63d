package io.flowgate.functions;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flowgate.store.InMemorySessionStore;
import io.flowgate.testsupport.HttpsVendorResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A vendor behind a private CA, trusted by a PKCS12 trust store in the default TLS configuration: sessions are
 * created as usual.
 */
@QuarkusTest
@TestProfile(VendorTlsProfiles.DefaultP12TrustStore.class)
class VendorTrustedByDefaultTlsConfigurationTest {

    @Inject
    InMemorySessionStore store;

    @Test
    void createsASessionAtAVendorWhoseCertificateTheDefaultConfigurationTrusts() {
        String sessionId = given().contentType(ContentType.JSON).body("{\"flow\":\"everyone\"}")
                .when().post("/createSession")
                .then().statusCode(200)
                .extract().path("sessionId");

        assertEquals(Set.of(sessionId), HttpsVendorResource.vendor().sessions());
        assertEquals(1, store.size());
    }
}
