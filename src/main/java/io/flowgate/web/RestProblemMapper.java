package io.flowgate.web;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Quarkus REST endpoints answer failures with the same problem details as the functions. */
public class RestProblemMapper {

    @ServerExceptionMapper
    public Response map(Throwable failure, HttpServerRequest request) {
        ProblemResponse answer = Problems.forFailure(failure, request.path());
        Response.ResponseBuilder response = Response.status(answer.status()).type(Problem.MEDIA_TYPE)
                .entity(ProblemJson.write(answer.problem()));
        answer.retryAfter().ifPresent(after -> response.header("Retry-After", after.toSeconds()));
        return response.build();
    }
}
