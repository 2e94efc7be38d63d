package io.flowgate.config;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * The one rule for URLs flowgate sends personal data, tokens or keys to: {@code https}, or plain {@code http} to a
 * loopback host only ({@code localhost}, {@code 127.0.0.1}, {@code [::1]}), which never leaves the machine (a local
 * TLS-terminating proxy, a sidecar, the packaged-artifact tests' stub vendor).
 */
final class SecureUrls {

    static final String RULE = "https (http only to localhost, 127.0.0.1 or [::1])";
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    private SecureUrls() {
    }

    static boolean isSecure(String url) {
        if (!ConfigCheck.isHttpUrl(url)) {
            return false;
        }
        URI uri = URI.create(url);
        return "https".equals(uri.getScheme()) || LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT));
    }
}
