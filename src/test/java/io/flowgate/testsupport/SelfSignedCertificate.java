package io.flowgate.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A self-signed certificate for {@code localhost} and {@code 127.0.0.1} (or other names), made at test time with
 * the JDK's {@code keytool} (nothing of it is committed): its key store (the server's), the certificate in PEM and
 * a PKCS12 trust store that holds only the certificate, the two forms a Quarkus TLS configuration can trust.
 * Being its own issuer, it stands for a private CA or a TLS-intercepting proxy. Valid for two days.
 */
public record SelfSignedCertificate(Path keyStore, Path certificatePem, Path trustStoreP12, String password) {

    private static final String ALIAS = "stub-vendor";

    /** Makes a new one in a new folder under {@code parent}. */
    public static SelfSignedCertificate create(Path parent) throws IOException {
        return create(parent, "dns:localhost,ip:127.0.0.1");
    }

    /** As {@link #create(Path)}, for the names {@code san} (keytool's form: {@code dns:a.example,ip:10.0.0.1}). */
    public static SelfSignedCertificate create(Path parent, String san) throws IOException {
        Files.createDirectories(parent);
        Path dir = Files.createTempDirectory(parent, "tls-");
        String password = "test-only-" + Long.toHexString(System.nanoTime());
        SelfSignedCertificate certificate = new SelfSignedCertificate(dir.resolve("server.p12"),
                dir.resolve("vendor-ca.pem"), dir.resolve("vendor-trust.p12"), password);
        keytool("-genkeypair", "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=" + san, "-validity", "2", "-storetype", "PKCS12",
                "-keystore", certificate.keyStore.toString(), "-storepass", password, "-keypass", password);
        keytool("-exportcert", "-rfc", "-alias", ALIAS, "-keystore", certificate.keyStore.toString(),
                "-storepass", password, "-file", certificate.certificatePem.toString());
        keytool("-importcert", "-noprompt", "-alias", ALIAS, "-file", certificate.certificatePem.toString(),
                "-storetype", "PKCS12", "-keystore", certificate.trustStoreP12.toString(), "-storepass", password);
        return certificate;
    }

    /** A server-side context that presents this certificate. */
    public SSLContext serverContext() {
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the test key store", e);
        }
    }

    private static void keytool(String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("keytool " + arguments[0] + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running keytool", e);
        } finally {
            process.destroy();
        }
    }
}
