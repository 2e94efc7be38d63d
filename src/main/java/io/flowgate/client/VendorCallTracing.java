package io.flowgate.client;

import io.flowgate.config.FlowgateConfig;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.quarkus.arc.ClientProxy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Each attempt at a vendor call as an OpenTelemetry span of its own, when tracing is on (docs/operations.md#tracing);
 * with tracing off (the default) the API is a no-op and nothing is exported. A span is named {@code flow-remote
 * <endpoint>} and carries only what is written here: the endpoint, the outcome, the attempt, the method, the HTTP
 * status and the vendor's host. Never the URL: the vendor's GETs carry the flow key in their query string; nor
 * anything of the session, its person or the vendor's answer. Spans are parented on the invocation's X-Ray trace
 * ({@link LambdaTraceHeader}) and flushed after each call, before Lambda can freeze the process.
 */
@ApplicationScoped
public class VendorCallTracing {

    static final AttributeKey<String> ENDPOINT = AttributeKey.stringKey("flowgate.vendor.endpoint");
    static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("flowgate.vendor.outcome");
    static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("flowgate.vendor.attempt");
    static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
    static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");
    static final AttributeKey<String> SERVER = AttributeKey.stringKey("server.address");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

    private static final Logger LOG = Logger.getLogger(VendorCallTracing.class);

    private final Tracer tracer;
    private final OpenTelemetrySdk sdk;
    private final String server;
    private final Duration flushTimeout;

    @Inject
    VendorCallTracing(OpenTelemetry openTelemetry, FlowgateConfig config) {
        this(ClientProxy.unwrap(openTelemetry), config.upstream().apiUrl(), config.tracing().flushTimeout());
    }

    /** @param apiUrl the vendor's API URL, whose host only is recorded */
    VendorCallTracing(OpenTelemetry openTelemetry, String apiUrl, Duration flushTimeout) {
        this.tracer = openTelemetry.getTracer("io.flowgate.client");
        this.sdk = openTelemetry instanceof OpenTelemetrySdk enabled ? enabled : null;
        this.server = URI.create(apiUrl).getHost();
        this.flushTimeout = flushTimeout;
    }

    /** Starts the span of an attempt; the caller ends it with {@link Attempt#ok} or {@link Attempt#failed}. */
    Attempt start(UpstreamOperation operation, int attempt) {
        Context parent = LambdaTraceHeader.current().map(remote -> Context.root().with(Span.wrap(remote)))
                .orElse(Context.root());
        var builder = tracer.spanBuilder("flow-remote " + operation.endpoint()).setParent(parent)
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute(ENDPOINT, operation.endpoint())
                .setAttribute(ATTEMPT, (long) attempt)
                .setAttribute(METHOD, operation == UpstreamOperation.CREATE_SESSION ? "POST" : "GET");
        if (server != null) {
            builder.setAttribute(SERVER, server);
        }
        return new Attempt(builder.startSpan());
    }

    /**
     * Sends the spans ended so far to the collector, waiting at most {@code flowgate.tracing.flush-timeout}: Lambda
     * may freeze the process as soon as the function has answered.
     */
    void flush() {
        if (sdk == null) {
            return;
        }
        var flushed = sdk.getSdkTracerProvider().forceFlush().join(flushTimeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!flushed.isSuccess()) {
            LOG.warnf("tracing.flush-failed timeoutMs=%d: the vendor call spans may arrive late or not at all",
                    flushTimeout.toMillis());
        }
    }

    /** The span of one attempt. */
    static final class Attempt {
        private final Span span;

        private Attempt(Span span) {
            this.span = span;
        }

        /** The vendor answered; {@code status} is the HTTP status when known, else 0. */
        void ok(int status) {
            span.setAttribute(OUTCOME, "ok");
            if (status > 0) {
                span.setAttribute(STATUS, (long) status);
            }
            span.end();
        }

        /**
         * The attempt failed with {@code outcome} (the closed set of {@link UpstreamCallListener}); {@code status} is
         * the vendor's HTTP status, 0 when there was no answer.
         */
        void failed(String outcome, int status) {
            span.setAttribute(OUTCOME, outcome);
            span.setAttribute(ERROR_TYPE, outcome);
            if (status > 0) {
                span.setAttribute(STATUS, (long) status);
            }
            span.setStatus(StatusCode.ERROR, outcome);
            span.end();
        }
    }
}
