package io.flowgate.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.QuarkusHttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether the request being served came in an API Gateway event, so that its answer goes back as a Lambda answer:
 * held whole, its body in base64, refused by Lambda over 6 MB. In AWS and on Quarkus' mock event server (tests, dev
 * mode's Lambda port) it does; on a plain HTTP server (dev mode's port) it does not, and a body streams at any size.
 */
@ApplicationScoped
public class LambdaAnswers {

    private final CurrentVertxRequest request;

    LambdaAnswers(CurrentVertxRequest request) {
        this.request = request;
    }

    /** Quarkus' Lambda HTTP handler puts the event on the request's headers; a plain HTTP request has none. */
    public boolean current() {
        RoutingContext current = request.getCurrent();
        return current != null && current.request().headers() instanceof QuarkusHttpHeaders headers
                && headers.getContextObject(APIGatewayV2HTTPEvent.class) != null;
    }
}
