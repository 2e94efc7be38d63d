package io.flowgate.metrics;

import io.flowgate.config.FlowgateConfig;
import io.flowgate.flow.metrics.Metrics;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Counts this process's start as a cold start of its function ({@code FLOWGATE_FUNCTION}; {@code all} where unset).
 * A native or plain JVM function starts once per Lambda instance; with SnapStart the start happens when the
 * snapshot is taken, so restores are not counted.
 */
@ApplicationScoped
class ColdStart {

    void started(@Observes StartupEvent started, Metrics metrics, FlowgateConfig config) {
        metrics.coldStart(config.function().orElse("all"));
    }
}
