package io.flowgate.config;

import java.util.List;
import java.util.Optional;

/** Settings of flowgate: see {@link FlowgateConfig#invoke()}. */
public interface InvokeConfig {
    /**
     * The flows a direct invocation of a function may use (authorised by IAM: {@code lambda:InvokeFunction}),
     * comma-separated, or {@code *} for every flow. Unset: none, so that the right to invoke a function gives no
     * flow by itself.
     */
    Optional<List<String>> flows();
}
