package io.flowgate.functions;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.flow.redaction.SessionRedaction;
import io.flowgate.flow.session.SessionView;
import io.flowgate.web.auth.Callers;
import io.quarkus.funqy.Funq;

/** {@code POST /redactSession}: erases a final session's personal data and answers its tombstone. */
public class RedactSessionFunction {

    private final SessionRedaction redaction;
    private final Callers callers;

    RedactSessionFunction(SessionRedaction redaction, Callers callers) {
        this.redaction = redaction;
        this.callers = callers;
    }

    public record RedactSessionInput(String sessionId) {
    }

    @Funq("redactSession")
    public SessionView redactSession(JsonNode body) {
        return redaction.redact(JsonInput.read(body, RedactSessionInput.class).sessionId(), callers.current());
    }
}
