package io.flowgate.config;

import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Settings of flowgate: see {@link FlowgateConfig#upstream()}. */
public interface UpstreamConfig {
    /** Base URL of the vendor's API. */
    @WithDefault("https://kyc.biometric.kz")
    String apiUrl();

    /** Base URL of the vendor's hosted flow page; the session id is appended as a path segment. */
    @WithDefault("https://remote.biometric.kz/flow")
    String flowUrl();

    /**
     * The TLS configuration of Quarkus' TLS registry ({@code quarkus.tls.<name>.*}) that the connection to the
     * vendor uses: its trust store decides which certificates are trusted (a private CA, a TLS-intercepting
     * proxy). No default: unset, the default TLS configuration ({@code quarkus.tls.*}) when one is configured,
     * else the JVM's default trust. A name that no TLS configuration has stops startup.
     */
    Optional<String> tlsConfigurationName();

    /** How long to wait for a connection to the vendor. */
    @WithDefault("2S")
    Duration connectTimeout();

    /** How long to wait for the vendor's answer once connected. */
    @WithDefault("10S")
    Duration readTimeout();

    /**
     * The most one call may take, retries and waits included, so that a function never runs into
     * its Lambda timeout.
     */
    @WithDefault("20S")
    Duration maxCallTime();

    /** Retries of the vendor's idempotent reads (result, video) on 5xx, 429, timeouts and connection errors. */
    Retry retry();

    interface Retry {
        /** Attempts in all, the first included; 1 turns retries off. */
        @WithDefault("3")
        int maxAttempts();

        /** The first wait's upper bound; each further wait's bound doubles (full jitter). */
        @WithDefault("200MS")
        Duration initialBackoff();

        /** The largest bound a wait can reach. */
        @WithDefault("2S")
        Duration maxBackoff();
    }
}
