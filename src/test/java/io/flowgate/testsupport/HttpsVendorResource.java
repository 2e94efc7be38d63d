package io.flowgate.testsupport;

import io.flowgate.testsupport.lambda.StubVendor;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A {@link StubVendor} over HTTPS with a self-signed certificate made for the run, and flowgate pointed at it,
 * trusting it the way the init argument {@value #TRUST} says: {@code named-pem} (the certificate in PEM in the
 * TLS configuration {@value #TLS_CONFIGURATION}, named by {@code flowgate.upstream.tls-configuration-name}),
 * {@code default-p12} (a PKCS12 trust store in the default {@code quarkus.tls.*} configuration) or {@code none}
 * (the JVM's default trust, which does not know the certificate).
 */
public class HttpsVendorResource implements QuarkusTestResourceLifecycleManager {

    public static final String TRUST = "trust";
    public static final String TLS_CONFIGURATION = "vendor";

    private static StubVendor vendor;
    private String trust = "none";

    /** The running vendor (one per application start). */
    public static StubVendor vendor() {
        return vendor;
    }

    @Override
    public void init(Map<String, String> initArgs) {
        trust = initArgs.getOrDefault(TRUST, trust);
    }

    @Override
    public Map<String, String> start() {
        try {
            SelfSignedCertificate certificate = SelfSignedCertificate.create(Path.of("target", "tls").toAbsolutePath());
            vendor = StubVendor.https(certificate.serverContext());
            Map<String, String> config = new HashMap<>(Map.of(
                    "flowgate.upstream.api-url", vendor.apiUrl(),
                    "flowgate.upstream.flow-url", vendor.flowUrl()));
            switch (trust) {
                case "named-pem" -> {
                    config.put("quarkus.tls." + TLS_CONFIGURATION + ".trust-store.pem.certs",
                            certificate.certificatePem().toString());
                    config.put("flowgate.upstream.tls-configuration-name", TLS_CONFIGURATION);
                }
                case "default-p12" -> {
                    config.put("quarkus.tls.trust-store.p12.path", certificate.trustStoreP12().toString());
                    config.put("quarkus.tls.trust-store.p12.password", certificate.password());
                }
                case "none" -> {
                }
                default -> throw new IllegalArgumentException("unknown trust: " + trust);
            }
            return config;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the HTTPS stub vendor", e);
        }
    }

    @Override
    public void stop() {
        if (vendor != null) {
            vendor.close();
        }
    }
}
