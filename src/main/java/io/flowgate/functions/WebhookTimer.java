package io.flowgate.functions;

import io.flowgate.config.FlowgateConfig;
import io.flowgate.flow.webhook.WebhookDeliverer;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Delivers due webhooks every {@code flowgate.webhooks.interval} inside the process, when set (dev mode). */
public class WebhookTimer {

    private static final Logger LOG = Logger.getLogger(WebhookTimer.class);

    void start(@Observes StartupEvent event, FlowgateConfig config, Vertx vertx, WebhookDeliverer deliverer) {
        config.webhooks().interval().ifPresent(interval -> {
            vertx.setPeriodic(interval.toMillis(), id -> vertx.executeBlocking(() -> deliverer.deliverDue(), false));
            LOG.infof("webhook.timer everyMs=%d", interval.toMillis());
        });
    }
}
