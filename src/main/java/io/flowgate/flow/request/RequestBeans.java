package io.flowgate.flow.request;

import io.flowgate.config.FlowgateConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;

/** Builds the request rules that come from configuration. */
public class RequestBeans {

    @Produces
    @Singleton
    ReturnUrlPolicy returnUrlPolicy(FlowgateConfig config) {
        return new ReturnUrlPolicy(config.returnUrl().allowed().orElse(List.of()),
                config.returnUrl().allowLocalhostHttp());
    }
}
