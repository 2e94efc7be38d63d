package io.flowgate.web;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Quarkus REST endpoints answer failures with the same problem details as the functions; the
 * framework's own refusals (unknown path, wrong method, ...) keep their status.
 */
public class RestProblemMapper {

    @ServerExceptionMapper
    public Response map(Throwable failure, HttpServerRequest request) {
        ProblemResponse answer = failure instanceof WebApplicationException web && web.getResponse() != null
                ? Problems.forStatus(web.getResponse().getStatus(), request.path())
                : Problems.forFailure(failure, request.path());
        Response.ResponseBuilder response = Response.status(answer.status()).type(Problem.MEDIA_TYPE)
                .entity(ProblemJson.write(answer.problem().withRequestId(RequestIds.of(request.response()))));
        answer.retryAfter().ifPresent(after -> response.header("Retry-After", after.toSeconds()));
        return response.build();
    }
}
