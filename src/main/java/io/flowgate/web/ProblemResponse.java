package io.flowgate.web;

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
}
