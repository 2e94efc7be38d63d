package io.flowgate.web;

import io.quarkus.funqy.runtime.ApplicationException;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;

/**
 * Funqy answers every failure with a bare 500 (or a bare 400 for unreadable JSON); this failure
 * handler on the router answers with our problem details instead.
 */
public class FunqyProblemHandler {

    void register(@Observes Router router) {
        router.route().failureHandler(this::handle);
        router.errorHandler(404, this::handle);
        router.errorHandler(405, this::handle);
    }

    private void handle(RoutingContext context) {
        HttpServerResponse response = context.response();
        if (response.ended() || response.headWritten()) {
            return;
        }
        String path = context.request().path();
        ProblemResponse answer = context.failure() != null
                ? Problems.forFailure(unwrap(context.failure()), path)
                : Problems.forStatus(context.statusCode() > 0 ? context.statusCode() : 500, path);
        answer.send(response);
    }

    /** Funqy wraps what a function throws in its own ApplicationException. */
    private static Throwable unwrap(Throwable failure) {
        return failure instanceof ApplicationException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
