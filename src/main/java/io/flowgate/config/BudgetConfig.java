package io.flowgate.config;

import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of flowgate: see {@link FlowgateConfig#budget()}. */
public interface BudgetConfig {
    /**
     * The longest an answer over HTTP may take: API Gateway's HTTP API gives up after 30 s. A function's budget is
     * this or its Lambda invocation's remaining time, the smaller, less the {@code reserve}.
     */
    @WithDefault("29S")
    Duration httpAnswer();

    /** Kept back from a budget for the last write and the answer, so that a function answers before its end. */
    @WithDefault("1S")
    Duration reserve();
}
