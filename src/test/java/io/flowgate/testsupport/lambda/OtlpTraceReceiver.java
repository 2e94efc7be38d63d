package io.flowgate.testsupport.lambda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the ADOT collector layer's OTLP/HTTP receiver on 127.0.0.1: takes {@code POST /v1/traces} in
 * protobuf, as the function exports its spans, keeps every request decoded and answers success. Counts every
 * request, whatever its path, so that a test can tell that nothing was sent.
 */
public final class OtlpTraceReceiver implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    private final Queue<ExportTraceServiceRequest> exports = new ConcurrentLinkedQueue<>();
    private final Queue<String> paths = new ConcurrentLinkedQueue<>();
    private final AtomicInteger requests = new AtomicInteger();

    public OtlpTraceReceiver() throws IOException {
        executor = Executors.newCachedThreadPool(Loopback.daemon("otlp-receiver"));
        server = Loopback.server(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The receiver's base URL ({@code quarkus.otel.exporter.otlp.traces.endpoint}). */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** How many requests came, to any path. */
    public int requests() {
        return requests.get();
    }

    /** The path of each request, in order. */
    public List<String> paths() {
        return List.copyOf(paths);
    }

    /** Every export request received, decoded. */
    public List<ExportTraceServiceRequest> exports() {
        return List.copyOf(exports);
    }

    /** Every span received, with the resource and scope it came with. */
    public List<Received> spans() {
        List<Received> spans = new ArrayList<>();
        for (ExportTraceServiceRequest export : exports) {
            for (ResourceSpans resource : export.getResourceSpansList()) {
                for (ScopeSpans scope : resource.getScopeSpansList()) {
                    scope.getSpansList().forEach(span -> spans.add(new Received(resource, scope, span)));
                }
            }
        }
        return spans;
    }

    /** One span and where it came from. */
    public record Received(ResourceSpans resource, ScopeSpans scope, Span span) {
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            paths.add(exchange.getRequestURI().getPath());
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (!exchange.getRequestMethod().equals("POST") || !exchange.getRequestURI().getPath().equals("/v1/traces")) {
                Loopback.send(exchange, 404, "not an OTLP traces export");
                return;
            }
            exports.add(ExportTraceServiceRequest.parseFrom(body));
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            Loopback.send(exchange, 200, ExportTraceServiceResponse.getDefaultInstance().toByteArray());
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
