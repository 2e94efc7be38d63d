package io.flowgate.functions;

import io.flowgate.testsupport.HttpsVendorResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** The application in front of a vendor over HTTPS with a certificate no public CA issued, trusted three ways. */
final class VendorTlsProfiles {

    private VendorTlsProfiles() {
    }

    private static List<QuarkusTestProfile.TestResourceEntry> vendorTrusted(String how) {
        return List.of(new QuarkusTestProfile.TestResourceEntry(HttpsVendorResource.class,
                Map.of(HttpsVendorResource.TRUST, how)));
    }

    /** The certificate in PEM, in the TLS configuration that {@code flowgate.upstream.tls-configuration-name} names. */
    public static class NamedPemTrustStore implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return vendorTrusted("named-pem");
        }
    }

    /** The certificate in a PKCS12 trust store of the default TLS configuration ({@code quarkus.tls.trust-store.*}). */
    public static class DefaultP12TrustStore implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return vendorTrusted("default-p12");
        }
    }

    /** No TLS configuration: the JVM's default trust, which does not know the certificate. */
    public static class NoTrustStore implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return vendorTrusted("none");
        }
    }
}
