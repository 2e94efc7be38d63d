package io.flowgate.functions;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.flow.cancellation.SessionCancellation;
import io.flowgate.flow.resumption.ResumedSession;
import io.flowgate.flow.resumption.SessionResumption;
import io.flowgate.flow.session.SessionView;
import io.flowgate.web.auth.Callers;
import io.quarkus.funqy.Funq;

/**
 * {@code POST /cancelSession} ends a session that is not final yet as CANCELLED; {@code POST /resumeSession} gives
 * a new link into a session that is still open at the vendor. Neither calls the vendor.
 */
public class SessionControlFunctions {

    private final SessionCancellation cancellation;
    private final SessionResumption resumption;
    private final Callers callers;

    SessionControlFunctions(SessionCancellation cancellation, SessionResumption resumption, Callers callers) {
        this.cancellation = cancellation;
        this.resumption = resumption;
        this.callers = callers;
    }

    /** @param reason the integrator's code for why, or null ({@code CancelReason}) */
    public record CancelSessionInput(String sessionId, String reason) {
    }

    public record ResumeSessionInput(String sessionId) {
    }

    @Funq("cancelSession")
    public SessionView cancelSession(JsonNode body) {
        CancelSessionInput input = JsonInput.read(body, CancelSessionInput.class);
        return cancellation.cancel(input.sessionId(), input.reason(), callers.current());
    }

    @Funq("resumeSession")
    public ResumedSession resumeSession(JsonNode body) {
        return resumption.resume(JsonInput.read(body, ResumeSessionInput.class).sessionId(), callers.current());
    }
}
