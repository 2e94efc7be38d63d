package io.flowgate.flow;

import io.flowgate.config.FlowgateConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;

/** Builds the domain's plain classes from configuration. */
public class FlowBeans {

    @Produces
    @Singleton
    StateTokens stateTokens(FlowgateConfig config, Clock clock) {
        return new StateTokens(config.stateSecret(), clock);
    }

    @Produces
    @Singleton
    ReturnUrlPolicy returnUrlPolicy(FlowgateConfig config) {
        return new ReturnUrlPolicy(config.returnUrl().allowed().orElse(List.of()),
                config.returnUrl().allowLocalhostHttp());
    }
}
