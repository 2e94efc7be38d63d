package io.flowgate.web.invoke;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.web.Problems;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A Lambda event that is not API Gateway's, as a request for the deployed function's own route. The request carries
 * a marker header whose value only this process knows, so that no HTTP client can pass for a direct invocation
 * (API Gateway passes its clients' headers through). Whether the event being served on this thread came in
 * directly is kept until its answer is written.
 */
public final class DirectInvocation {

    /** The header that marks a request made from a direct invocation. */
    public static final String HEADER = "x-flowgate-direct-invocation";
    /** Made at run time, on first use: never in a native image's heap, never the same in two processes. */
    private static volatile String marker;
    private static final ThreadLocal<Boolean> DIRECT = ThreadLocal.withInitial(() -> false);
    /** The functions a direct invocation reaches: the browser's callback and the video stream are HTTP only. */
    private static final Set<String> INVOCABLE = Set.of("createSession", "getResult", "collectResult", "sweep",
            "deliverWebhooks", "listFailedWebhooks", "resendWebhook", "redactSession", "reviewSession");

    private DirectInvocation() {
    }

    /** Whether the request carries this process's direct-invocation marker. */
    public static boolean isMarked(String headerValue) {
        return headerValue != null && MessageDigest.isEqual(headerValue.getBytes(StandardCharsets.US_ASCII),
                marker().getBytes(StandardCharsets.US_ASCII));
    }

    private static String marker() {
        String current = marker;
        if (current == null) {
            synchronized (DirectInvocation.class) {
                if (marker == null) {
                    byte[] random = new byte[32];
                    new SecureRandom().nextBytes(random);
                    marker = HexFormat.of().formatHex(random);
                }
                current = marker;
            }
        }
        return current;
    }

    private static FunctionRefused refused(String detail) {
        return new FunctionRefused("direct_invocation_unsupported", Problems.directInvocationRefused(detail));
    }

    static boolean isApiGatewayEvent(JsonNode event) {
        return event.path("requestContext").isObject()
                && (event.has("routeKey") || event.has("rawPath") || event.has("httpMethod"));
    }

    static boolean isScheduledEvent(JsonNode event) {
        return "Scheduled Event".equals(event.path("detail-type").asText(null));
    }

    /** Marks the event being served on this thread as direct, or not. */
    static void serving(boolean direct) {
        DIRECT.set(direct);
    }

    static boolean servingDirect() {
        return DIRECT.get();
    }

    /**
     * The request a direct invocation of {@code function} makes: a POST of the event's JSON to the function's route;
     * for a scheduled event, of {@code {}}.
     *
     * @throws FunctionRefused {@code direct_invocation_unsupported} when this process is no function that takes
     *         direct invocations
     */
    static APIGatewayV2HTTPEvent asRequest(JsonNode event, Optional<String> function) throws FunctionRefused {
        if (function.isEmpty()) {
            throw refused("This event is not an API Gateway event, and this process is no one function "
                    + "(FLOWGATE_FUNCTION is unset): a direct invocation needs the function it is for.");
        }
        String name = function.get();
        if (!INVOCABLE.contains(name)) {
            throw refused("The " + name + " function answers HTTP requests through API Gateway only; it takes no "
                    + "direct invocation.");
        }
        String path = "/" + name;
        APIGatewayV2HTTPEvent.RequestContext.Http http = new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setMethod("POST");
        http.setPath(path);
        http.setProtocol("HTTP/1.1");
        http.setSourceIp("127.0.0.1");
        http.setUserAgent(isScheduledEvent(event) ? "eventbridge-schedule" : "lambda-invoke");
        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        context.setHttp(http);
        context.setRouteKey("POST " + path);
        context.setStage("$default");
        APIGatewayV2HTTPEvent request = new APIGatewayV2HTTPEvent();
        request.setVersion("2.0");
        request.setRouteKey("POST " + path);
        request.setRawPath(path);
        request.setRawQueryString("");
        request.setHeaders(Map.of("content-type", "application/json", HEADER, marker()));
        request.setRequestContext(context);
        request.setBody(isScheduledEvent(event) ? "{}" : event.toString());
        request.setIsBase64Encoded(false);
        return request;
    }
}
