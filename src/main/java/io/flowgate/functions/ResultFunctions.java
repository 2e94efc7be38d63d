package io.flowgate.functions;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.budget.InvocationBudget;
import io.flowgate.flow.result.ResultCollection;
import io.flowgate.flow.session.SessionLookup;
import io.flowgate.flow.session.SessionView;
import io.flowgate.web.InvocationBudgets;
import io.flowgate.web.auth.Callers;
import io.quarkus.funqy.Funq;

/** {@code POST /getResult} reads the stored session; {@code POST /collectResult} asks the vendor first. */
public class ResultFunctions {

    private final SessionLookup lookup;
    private final ResultCollection collection;

    private final Callers callers;
    private final InvocationBudgets budgets;

    ResultFunctions(SessionLookup lookup, ResultCollection collection, Callers callers, InvocationBudgets budgets) {
        this.lookup = lookup;
        this.collection = collection;
        this.callers = callers;
        this.budgets = budgets;
    }

    /** @param sessionId or {@code reference}, exactly one; {@code includeRaw} adds the vendor's results */
    public record GetResultInput(String sessionId, String reference, Boolean includeRaw) {
    }

    public record CollectResultInput(String sessionId, Boolean includeRaw) {
    }

    @Funq("getResult")
    public SessionView getResult(JsonNode body) {
        GetResultInput input = JsonInput.read(body, GetResultInput.class);
        return lookup.find(input.sessionId(), input.reference(), Boolean.TRUE.equals(input.includeRaw()),
                callers.current());
    }

    @Funq("collectResult")
    public SessionView collectResult(JsonNode body) {
        CollectResultInput input = JsonInput.read(body, CollectResultInput.class);
        String sessionId = lookup.checkAccess(input.sessionId(), callers.current());
        return InvocationBudget.within(budgets.forAnswer(),
                () -> collection.collect(sessionId, Boolean.TRUE.equals(input.includeRaw())));
    }
}
