package io.flowgate.config;

import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of flowgate: see {@link FlowgateConfig#session()}. */
public interface SessionConfig {
    /** How long the vendor keeps a session open for the biometric check (10 minutes by its docs). */
    @WithDefault("10M")
    Duration lifetime();

    /** How long after the lifetime the browser may still come back with a valid state token. */
    @WithDefault("5M")
    Duration grace();
}
