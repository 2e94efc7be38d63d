package io.flowgate.functions;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Trusted by a PKCS12 trust store in the default TLS configuration. */
@QuarkusTest
@TestProfile(VendorTlsProfiles.DefaultP12TrustStore.class)
class VendorTrustedByDefaultTlsConfigurationTest extends TrustedVendorSessions {
}
