package io.flowgate.flow.decision;

import io.flowgate.config.FlowgateConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Each configured flow's decision policy, parsed once; a bad rule stops startup with the rule named. */
@Startup
@ApplicationScoped
public class DecisionPolicies {

    private final Map<String, DecisionPolicy> policies = new HashMap<>();

    DecisionPolicies(FlowgateConfig config) {
        config.flows().forEach((name, flow) -> {
            try {
                policies.put(name, DecisionPolicy.parse(flow.decision().approveWhen().orElse(List.of()),
                        flow.decision().declineWhen().orElse(List.of())));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("flowgate.flows." + name + ".decision: " + e.getMessage());
            }
        });
    }

    public DecisionPolicy forFlow(String flow) {
        return policies.getOrDefault(flow, new DecisionPolicy(List.of(), List.of()));
    }
}
