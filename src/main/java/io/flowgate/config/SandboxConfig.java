package io.flowgate.config;

import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Settings of flowgate: see {@link FlowgateConfig#sandbox()}. */
public interface SandboxConfig {
    /**
     * Whether the sandbox is built in. A build-time switch: {@code true} in the dev and test
     * profiles, {@code false} (absent from the artifact) in production builds.
     */
    @WithDefault("false")
    boolean enabled();

    /** The port of the sandbox's own HTTP server (the vendor's API and hosted flow page). */
    @WithDefault("8089")
    int port();

    /**
     * The interface the sandbox's server binds to. {@code localhost} keeps the sandbox (which takes
     * any configured key and hands out fake results) off the network.
     */
    @WithDefault("localhost")
    String host();

    /** How long a sandbox session stays open for the hosted flow (the vendor's 10 minutes). */
    @WithDefault("10M")
    Duration sessionLifetime();

    /** How many received requests the sandbox keeps for tests to inspect; the oldest go first. */
    @WithDefault("200")
    int maxRecordedRequests();

    /** The flows the sandbox knows, by name: API key and technologies. */
    Map<String, SandboxFlow> flows();

    interface SandboxFlow {
        /** The API key the sandbox accepts for this flow. */
        String apiKey();

        /** The flow's technologies, in order, e.g. {@code LD,ED,F2F}. */
        List<String> technologies();
    }
}
