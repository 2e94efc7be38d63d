package io.flowgate.config;

import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of flowgate: see {@link FlowgateConfig#callback()}. */
public interface CallbackConfig {
    /** How long the callback may spend collecting the result before it sends the browser on as pending. */
    @WithDefault("5S")
    Duration collectBudget();
}
