package io.flowgate.sandbox;

import io.flowgate.config.FlowgateConfig;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/** The flows configured under {@code flowgate.sandbox.flows}, found by their API key. */
@Singleton
@IfBuildProperty(name = "flowgate.sandbox.enabled", stringValue = "true")
public class SandboxFlows {

    /** A configured flow. Holds its API key: never logged. */
    public record Flow(String name, String apiKey, List<String> technologies) {
        @Override
        public String toString() {
            return "Flow[" + name + " " + technologies + "]";
        }
    }

    private final List<Flow> flows;

    SandboxFlows(FlowgateConfig config) {
        this.flows = config.sandbox().flows().entrySet().stream()
                .map(e -> new Flow(e.getKey(), e.getValue().apiKey(), e.getValue().technologies()))
                .toList();
    }

    public Optional<Flow> byApiKey(String apiKey) {
        if (apiKey == null) {
            return Optional.empty();
        }
        return flows.stream().filter(flow -> sameKey(flow.apiKey(), apiKey)).findFirst();
    }

    public Optional<Flow> byName(String name) {
        return flows.stream().filter(flow -> flow.name().equals(name)).findFirst();
    }

    static boolean sameKey(String expected, String given) {
        return given != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
