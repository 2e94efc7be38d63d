package io.flowgate.functions;

import io.flowgate.config.FlowgateConfig;
import io.flowgate.flow.SessionSweep;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Runs the sweep every {@code flowgate.sweep.interval} inside the process, when set (dev mode). */
public class SweepTimer {

    private static final Logger LOG = Logger.getLogger(SweepTimer.class);

    void start(@Observes StartupEvent event, FlowgateConfig config, Vertx vertx, SessionSweep sweep) {
        config.sweep().interval().ifPresent(interval -> {
            vertx.setPeriodic(interval.toMillis(), id -> vertx.executeBlocking(() -> sweep.sweep(), false));
            LOG.infof("sweep.timer everyMs=%d", interval.toMillis());
        });
    }
}
