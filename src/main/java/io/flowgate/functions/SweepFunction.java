package io.flowgate.functions;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.budget.InvocationBudget;
import io.flowgate.config.FlowgateConfig;
import io.flowgate.flow.lifecycle.SessionSweep.SweepReport;
import io.flowgate.flow.lifecycle.SessionSweep;
import io.flowgate.web.InvocationBudgets;
import io.quarkus.funqy.Funq;
import java.time.Duration;

/**
 * {@code POST /sweep}: collects and expires abandoned sessions. Not for the public gateway: in AWS it
 * runs as its own function on a schedule, with no HTTP route (see docs/deployment.md).
 */
public class SweepFunction {

    private final SessionSweep sweep;
    private final InvocationBudgets budgets;
    private final Duration timeBudget;

    SweepFunction(SessionSweep sweep, InvocationBudgets budgets, FlowgateConfig config) {
        this.sweep = sweep;
        this.budgets = budgets;
        this.timeBudget = config.sweep().timeBudget();
    }

    /** Takes no parameters; a body, if any (a scheduler's payload), is ignored. */
    @Funq("sweep")
    public SweepReport sweep(JsonNode ignored) {
        return InvocationBudget.within(budgets.forScheduledRun(timeBudget), sweep::sweep);
    }
}
