package io.flowgate.functions;

import io.flowgate.config.FlowgateConfig;
import io.flowgate.flow.lifecycle.SessionSweep;
import io.flowgate.flow.webhook.WebhookDeliverer;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs the scheduled functions inside the process, when their interval is set (dev mode): the sweep every
 * {@code flowgate.sweep.interval}, the webhook delivery every {@code flowgate.webhooks.interval}. In AWS the
 * schedules of serverless.yml invoke them instead.
 */
public class InProcessTimers {

    private static final Logger LOG = Logger.getLogger(InProcessTimers.class);

    void start(@Observes StartupEvent event, FlowgateConfig config, Vertx vertx, SessionSweep sweep,
            WebhookDeliverer deliverer) {
        every(vertx, config.sweep().interval(), "sweep", sweep::sweep);
        every(vertx, config.webhooks().interval(), "webhook", deliverer::deliverDue);
    }

    private static void every(Vertx vertx, Optional<Duration> interval, String name, Supplier<?> job) {
        interval.ifPresent(every -> {
            vertx.setPeriodic(every.toMillis(), id -> vertx.executeBlocking(job::get, false));
            LOG.infof("%s.timer everyMs=%d", name, every.toMillis());
        });
    }
}
