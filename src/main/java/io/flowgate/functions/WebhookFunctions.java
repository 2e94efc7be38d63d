package io.flowgate.functions;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.config.FlowgateConfig;
import io.flowgate.flow.InvalidRequestException;
import io.flowgate.flow.webhook.FailedWebhooks;
import io.flowgate.flow.webhook.FailedWebhooks.FailedWebhook;
import io.flowgate.flow.webhook.WebhookDeliverer;
import io.flowgate.flow.webhook.WebhookDeliverer.DeliveryReport;
import io.flowgate.flow.webhook.WebhookView;
import io.quarkus.funqy.Funq;
import java.util.List;
import java.util.Set;

/**
 * {@code POST /deliverWebhooks} makes the attempts that are due (in AWS: its own function on a schedule, no
 * route); {@code POST /listFailedWebhooks} and {@code POST /resendWebhook} are for the integrator's backend.
 */
public class WebhookFunctions {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private final WebhookDeliverer deliverer;
    private final FailedWebhooks failed;
    private final FlowgateConfig config;

    WebhookFunctions(WebhookDeliverer deliverer, FailedWebhooks failed, FlowgateConfig config) {
        this.deliverer = deliverer;
        this.failed = failed;
        this.config = config;
    }

    /** @param limit how many to list at most: 1 to 200, default 50 */
    public record ListFailedWebhooksInput(Integer limit) {
    }

    public record FailedWebhooksList(List<FailedWebhook> deliveries) {
    }

    public record ResendWebhookInput(String sessionId) {
    }

    /** Takes no parameters; a body, if any (a scheduler's payload), is ignored. */
    @Funq("deliverWebhooks")
    public DeliveryReport deliverWebhooks(JsonNode ignored) {
        return deliverer.deliverDue();
    }

    @Funq("listFailedWebhooks")
    public FailedWebhooksList listFailedWebhooks(JsonNode body) {
        Integer limit = JsonInput.read(body, ListFailedWebhooksInput.class).limit();
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            throw new InvalidRequestException("invalid_limit", "limit", "limit is from 1 to " + MAX_LIMIT + ".");
        }
        return new FailedWebhooksList(failed.list(callerFlows(), limit == null ? DEFAULT_LIMIT : limit));
    }

    @Funq("resendWebhook")
    public WebhookView resendWebhook(JsonNode body) {
        return failed.resend(JsonInput.read(body, ResendWebhookInput.class).sessionId(), callerFlows());
    }

    /** The flows whose deliveries the caller may see. */
    private Set<String> callerFlows() {
        return config.flows().keySet();
    }
}
