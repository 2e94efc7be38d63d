package io.flowgate.functions;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Trusted by a named TLS configuration (flowgate.upstream.tls-configuration-name) in PEM. */
@QuarkusTest
@TestProfile(VendorTlsProfiles.NamedPemTrustStore.class)
class VendorTrustedByNamedTlsConfigurationTest extends TrustedVendorSessions {
}
