package io.flowgate.web;

import io.vertx.core.http.HttpServerResponse;
import java.time.Duration;
import java.util.Optional;

/** A problem and how to answer it: the body and, for transient failures, when to try again. */
public record ProblemResponse(Problem problem, Optional<Duration> retryAfter) {

    static ProblemResponse of(Problem problem) {
        return new ProblemResponse(problem, Optional.empty());
    }

    static ProblemResponse retryAfter(Problem problem, Duration after) {
        return new ProblemResponse(problem, Optional.of(after));
    }

    public int status() {
        return problem.status();
    }

    /** Ends a Vert.x response with this problem (for router handlers; REST endpoints use RestProblemMapper). */
    public void send(HttpServerResponse response) {
        response.setStatusCode(status()).putHeader("Content-Type", Problem.MEDIA_TYPE);
        retryAfter.ifPresent(after -> response.putHeader("Retry-After", Long.toString(after.toSeconds())));
        response.end(ProblemJson.write(problem.withRequestId(RequestIds.of(response))));
    }
}
