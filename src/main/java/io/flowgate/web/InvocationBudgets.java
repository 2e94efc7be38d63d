package io.flowgate.web;

import com.amazonaws.services.lambda.runtime.Context;
import io.flowgate.budget.Budget;
import io.flowgate.config.BudgetConfig;
import io.flowgate.config.FlowgateConfig;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.QuarkusHttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;

/**
 * The budget of the invocation being served: at most a limit (API Gateway's for an answer over HTTP, the
 * configured one for a scheduled run) and at most the Lambda invocation's remaining time, less the reserve kept
 * for the answer. Outside Lambda (dev mode, one server) only the limit applies.
 */
@ApplicationScoped
public class InvocationBudgets {

    /** Lambda's longest timeout: a remaining time beyond it is not a real deadline (the test mode's mock). */
    static final Duration LAMBDA_MAX_TIMEOUT = Duration.ofMinutes(15);

    private final CurrentVertxRequest request;
    private final BudgetConfig config;

    InvocationBudgets(CurrentVertxRequest request, FlowgateConfig config) {
        this.request = request;
        this.config = config.budget();
    }

    /** For a function that answers over HTTP (behind API Gateway). */
    public Budget forAnswer() {
        return within(config.httpAnswer());
    }

    /** For a scheduled run that may take up to {@code limit}. */
    public Budget forScheduledRun(Duration limit) {
        return within(limit);
    }

    private Budget within(Duration limit) {
        Duration length = lambdaRemaining().filter(remaining -> remaining.compareTo(limit) < 0).orElse(limit);
        return Budget.of(length.minus(config.reserve()));
    }

    /**
     * The remaining time of the Lambda invocation that carried the request. A Lambda runtime that sent no deadline
     * (Quarkus' mock event server) gives a meaningless figure; only one within Lambda's limits is taken.
     */
    Optional<Duration> lambdaRemaining() {
        RoutingContext current = request.getCurrent();
        if (current == null || !(current.request().headers() instanceof QuarkusHttpHeaders headers)) {
            return Optional.empty();
        }
        Context lambda = headers.getContextObject(Context.class);
        if (lambda == null || lambda.getInvokedFunctionArn() == null) {
            return Optional.empty();
        }
        Duration remaining = Duration.ofMillis(lambda.getRemainingTimeInMillis());
        return remaining.isNegative() || remaining.compareTo(LAMBDA_MAX_TIMEOUT) > 0 ? Optional.empty()
                : Optional.of(remaining);
    }
}
