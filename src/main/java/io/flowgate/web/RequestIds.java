package io.flowgate.web;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.flowgate.config.FlowgateConfig;
import io.flowgate.logging.LogContext;
import io.quarkus.vertx.http.runtime.QuarkusHttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.UUID;

/**
 * Every answer carries {@code X-Request-Id}: API Gateway's request id ({@code requestContext.requestId}) when the
 * request came through API Gateway, otherwise a new random one; problem details repeat it as {@code requestId}. The
 * same id, the Lambda invocation's request id and the function open the invocation's log context
 * ({@link LogContext}), which is cleared when the answer is written, so a caller's ticket maps to the log lines.
 */
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    /** Before everything else, so that every answer, refusals included, carries the id. */
    private static final int ORDER = Integer.MIN_VALUE + 50;

    private final Optional<String> function;

    RequestIds(FlowgateConfig config) {
        this.function = config.function();
    }

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(this::open);
    }

    private void open(RoutingContext context) {
        LogContext.clear();
        Optional<QuarkusHttpHeaders> lambda = context.request().headers() instanceof QuarkusHttpHeaders headers
                ? Optional.of(headers) : Optional.empty();
        String requestId = lambda.map(RequestIds::apiGatewayRequestId).orElseGet(() -> UUID.randomUUID().toString());
        LogContext.put(LogContext.REQUEST_ID, requestId);
        LogContext.put(LogContext.LAMBDA_REQUEST_ID, lambda.map(RequestIds::lambdaRequestId).orElse(null));
        LogContext.put(LogContext.FUNCTION, function.orElse(null));
        HttpServerResponse response = context.response();
        response.putHeader(HEADER, requestId);
        context.addHeadersEndHandler(ignored -> response.headers().set(HEADER, requestId));
        context.addEndHandler(ignored -> LogContext.clear());
        context.next();
    }

    /** The id of the request being answered on {@code response}; null before {@link RequestIds} saw it. */
    static String of(HttpServerResponse response) {
        return response.headers().get(HEADER);
    }

    private static String apiGatewayRequestId(QuarkusHttpHeaders headers) {
        APIGatewayV2HTTPEvent event = headers.getContextObject(APIGatewayV2HTTPEvent.class);
        String id = event == null || event.getRequestContext() == null ? null : event.getRequestContext().getRequestId();
        return id == null || id.isBlank() ? null : id;
    }

    private static String lambdaRequestId(QuarkusHttpHeaders headers) {
        Context lambda = headers.getContextObject(Context.class);
        return lambda == null ? null : lambda.getAwsRequestId();
    }
}
