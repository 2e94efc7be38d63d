package io.flowgate.flow.callback;

import io.flowgate.config.FlowgateConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Builds the state tokens from the configured secret. */
public class CallbackBeans {

    @Produces
    @Singleton
    StateTokens stateTokens(FlowgateConfig config, Clock clock) {
        return new StateTokens(config.stateSecret(), clock);
    }
}
