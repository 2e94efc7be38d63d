package io.flowgate.config;

import io.smallrye.config.WithDefault;

/** Settings of flowgate: see {@link FlowgateConfig#demo()}. */
public interface DemoConfig {
    /**
     * Whether the demo integrator pages ({@code /}, {@code /demo/...}) are built in. A build-time
     * switch: {@code true} in the dev and test profiles, {@code false} (absent from the artifact) in
     * production builds.
     */
    @WithDefault("false")
    boolean enabled();
}
