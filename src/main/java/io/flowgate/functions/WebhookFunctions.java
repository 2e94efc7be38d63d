package io.flowgate.functions;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.budget.InvocationBudget;
import io.flowgate.config.FlowgateConfig;
import io.flowgate.flow.request.InvalidRequestException;
import io.flowgate.flow.session.Caller;
import io.flowgate.flow.session.WebhookView;
import io.flowgate.flow.webhook.FailedWebhooks.FailedWebhook;
import io.flowgate.flow.webhook.FailedWebhooks.FailedWebhookPage;
import io.flowgate.flow.webhook.FailedWebhooks;
import io.flowgate.flow.webhook.WebhookDeliverer.DeliveryReport;
import io.flowgate.flow.webhook.WebhookDeliverer;
import io.flowgate.web.InvocationBudgets;
import io.flowgate.web.auth.Callers;
import io.quarkus.funqy.Funq;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code POST /deliverWebhooks} makes the attempts that are due (in AWS: its own function on a schedule, no
 * route; public in the application, like the sweep); {@code POST /listFailedWebhooks} and
 * {@code POST /resendWebhook} are for the integrator's backend, and serve only the flows its caller may use: a
 * session of another flow is not found.
 */
public class WebhookFunctions {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private final WebhookDeliverer deliverer;
    private final FailedWebhooks failed;
    private final FlowgateConfig config;
    private final Callers callers;
    private final InvocationBudgets budgets;

    WebhookFunctions(WebhookDeliverer deliverer, FailedWebhooks failed, FlowgateConfig config, Callers callers,
            InvocationBudgets budgets) {
        this.deliverer = deliverer;
        this.failed = failed;
        this.config = config;
        this.callers = callers;
        this.budgets = budgets;
    }

    /**
     * @param limit how many to list at most: 1 to 200, default 50
     * @param pageToken the {@code nextPageToken} of the page before; none for the first page
     */
    public record ListFailedWebhooksInput(Integer limit, String pageToken) {
    }

    /** @param nextPageToken where the next page starts; null on the last page */
    public record FailedWebhooksList(List<FailedWebhook> deliveries, String nextPageToken) {
    }

    public record ResendWebhookInput(String sessionId) {
    }

    /** Takes no parameters; a body, if any (a scheduler's payload), is ignored. */
    @Funq("deliverWebhooks")
    public DeliveryReport deliverWebhooks(JsonNode ignored) {
        return InvocationBudget.within(budgets.forScheduledRun(config.webhooks().timeBudget()),
                deliverer::deliverDue);
    }

    @Funq("listFailedWebhooks")
    public FailedWebhooksList listFailedWebhooks(JsonNode body) {
        ListFailedWebhooksInput input = JsonInput.read(body, ListFailedWebhooksInput.class);
        Integer limit = input.limit();
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            throw new InvalidRequestException("invalid_limit", "limit", "limit is from 1 to " + MAX_LIMIT + ".");
        }
        FailedWebhookPage page = failed.list(callerFlows(), input.pageToken(), limit == null ? DEFAULT_LIMIT : limit);
        return new FailedWebhooksList(page.deliveries(), page.nextPageToken());
    }

    @Funq("resendWebhook")
    public WebhookView resendWebhook(JsonNode body) {
        return failed.resend(JsonInput.read(body, ResendWebhookInput.class).sessionId(), callerFlows());
    }

    /** The configured flows the caller may use: only their deliveries are listed or resent. */
    private Set<String> callerFlows() {
        Caller caller = callers.current();
        return config.flows().keySet().stream().filter(caller::mayUse).collect(Collectors.toUnmodifiableSet());
    }
}
