package io.flowgate.functions;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.flow.creation.CreatedSession;
import io.flowgate.flow.creation.SessionCreation;
import io.flowgate.flow.creation.SessionRequest;
import io.flowgate.budget.InvocationBudget;
import io.flowgate.web.InvocationBudgets;
import io.flowgate.web.auth.Callers;
import io.quarkus.funqy.Funq;

/** {@code POST /createSession}: creates a verification session and returns where to send the browser. */
public class CreateSessionFunction {

    private final SessionCreation sessions;

    private final Callers callers;
    private final InvocationBudgets budgets;

    CreateSessionFunction(SessionCreation sessions, Callers callers, InvocationBudgets budgets) {
        this.sessions = sessions;
        this.callers = callers;
        this.budgets = budgets;
    }

    @Funq("createSession")
    public CreatedSession createSession(JsonNode body) {
        SessionRequest request = JsonInput.read(body, SessionRequest.class);
        return InvocationBudget.within(budgets.forAnswer(), () -> sessions.create(request, callers.current()));
    }
}
