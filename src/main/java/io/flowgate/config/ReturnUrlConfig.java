package io.flowgate.config;

import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** Settings of flowgate: see {@link FlowgateConfig#returnUrl()}. */
public interface ReturnUrlConfig {
    /**
     * Allowed return URLs, as prefixes: an entry {@code https://shop.example/kyc/} allows every URL on
     * that origin under that path. Empty: no returnUrl is accepted.
     */
    Optional<List<String>> allowed();

    /** Whether {@code http://localhost} and {@code http://127.0.0.1} return URLs are accepted (dev). */
    @WithDefault("false")
    boolean allowLocalhostHttp();
}
