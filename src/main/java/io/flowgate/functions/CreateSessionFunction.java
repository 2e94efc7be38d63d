package io.flowgate.functions;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.flow.CreatedSession;
import io.flowgate.flow.SessionCreation;
import io.flowgate.flow.SessionRequest;
import io.quarkus.funqy.Funq;

/** {@code POST /createSession}: creates a verification session and returns where to send the browser. */
public class CreateSessionFunction {

    private final SessionCreation sessions;

    CreateSessionFunction(SessionCreation sessions) {
        this.sessions = sessions;
    }

    @Funq("createSession")
    public CreatedSession createSession(JsonNode body) {
        return sessions.create(JsonInput.read(body, SessionRequest.class));
    }
}
