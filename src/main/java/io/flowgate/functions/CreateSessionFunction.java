package io.flowgate.functions;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.flow.creation.CreatedSession;
import io.flowgate.flow.creation.SessionCreation;
import io.flowgate.flow.creation.SessionRequest;
import io.flowgate.web.auth.Callers;
import io.quarkus.funqy.Funq;

/** {@code POST /createSession}: creates a verification session and returns where to send the browser. */
public class CreateSessionFunction {

    private final SessionCreation sessions;

    private final Callers callers;

    CreateSessionFunction(SessionCreation sessions, Callers callers) {
        this.sessions = sessions;
        this.callers = callers;
    }

    @Funq("createSession")
    public CreatedSession createSession(JsonNode body) {
        return sessions.create(JsonInput.read(body, SessionRequest.class), callers.current());
    }
}
