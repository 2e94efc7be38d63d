package io.flowgate.config;

import io.smallrye.config.WithDefault;

/** Settings of flowgate: see {@link FlowgateConfig#metrics()}. */
public interface MetricsConfig {
    /**
     * Whether the functions write their metrics to standard output in CloudWatch's Embedded Metric Format, one JSON
     * object a line, which CloudWatch Logs turns into metrics (docs/operations.md#metrics). On in production; off in
     * dev and the tests, where the lines would only clutter the console.
     */
    @WithDefault("true")
    boolean enabled();

    /**
     * The CloudWatch namespace of the metrics: 1 to 255 characters, not starting with a colon. Change it to keep
     * two deployments' metrics apart in one account and region (the alarms of serverless.yml read the
     * {@code metricsNamespace} parameter, which must be the same).
     */
    @WithDefault("flowgate")
    String namespace();
}
