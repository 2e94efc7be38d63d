package io.flowgate.functions;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.flow.review.SessionReviewing;
import io.flowgate.flow.session.SessionView;
import io.flowgate.web.auth.Callers;
import io.quarkus.funqy.Funq;

/** {@code POST /reviewSession}: records the final outcome of a session whose decision is {@code review}. */
public class ReviewSessionFunction {

    private final SessionReviewing reviewing;
    private final Callers callers;

    ReviewSessionFunction(SessionReviewing reviewing, Callers callers) {
        this.reviewing = reviewing;
        this.callers = callers;
    }

    /**
     * @param outcome {@code approved} or {@code declined}
     * @param note optional, at most 500 characters; not meant for personal data
     */
    public record ReviewSessionInput(String sessionId, String outcome, String note) {
    }

    @Funq("reviewSession")
    public SessionView reviewSession(JsonNode body) {
        ReviewSessionInput input = JsonInput.read(body, ReviewSessionInput.class);
        return reviewing.review(input.sessionId(), input.outcome(), input.note(), callers.current());
    }
}
