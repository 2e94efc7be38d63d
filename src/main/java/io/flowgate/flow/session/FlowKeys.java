package io.flowgate.flow.session;

import io.flowgate.config.FlowgateConfig;
import jakarta.enterprise.context.ApplicationScoped;

/** The API key of a stored session's flow, which may have been removed from the configuration since. */
@ApplicationScoped
public class FlowKeys {

    private final FlowgateConfig config;

    FlowKeys(FlowgateConfig config) {
        this.config = config;
    }

    /**
     * @throws FlowNotConfiguredException when the flow is no longer configured: its key is gone
     */
    public String apiKeyOf(String flow) {
        var configured = config.flows().get(flow);
        if (configured == null) {
            throw new FlowNotConfiguredException();
        }
        return configured.apiKey();
    }
}
