package io.flowgate.config;

import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Settings of flowgate: see {@link FlowgateConfig#tracing()}. Tracing itself is switched on and off by Quarkus'
 * {@code quarkus.otel.sdk.disabled} (docs/operations.md#tracing), which serverless.yml sets from its {@code tracing}
 * parameter.
 */
public interface TracingConfig {
    /**
     * How long a vendor call waits, when tracing is on, for its spans to reach the collector before the function
     * answers: Lambda freezes the process once it has answered, so spans still queued would leave late or never.
     * Past it the call goes on and the spans go with the next export.
     */
    @WithDefault("1S")
    Duration flushTimeout();
}
