package io.flowgate.functions;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flowgate.store.InMemorySessionStore;
import io.flowgate.testsupport.HttpsVendorResource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A vendor behind a private CA that the test's TLS configuration trusts: sessions are created as usual. */
abstract class TrustedVendorSessions {

    @Inject
    InMemorySessionStore store;

    @Test
    void createsASessionAtAVendorWhoseCertificateTheConfigurationTrusts() {
        String sessionId = given().contentType(ContentType.JSON).body("{\"flow\":\"everyone\"}")
                .when().post("/createSession")
                .then().statusCode(200)
                .extract().path("sessionId");

        assertEquals(Set.of(sessionId), HttpsVendorResource.vendor().sessions());
        assertEquals(1, store.size());
    }
}
