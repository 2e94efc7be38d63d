package io.flowgate.testsupport.lambda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

/**
 * A stand-in for the ADOT collector layer's OTLP/HTTP receiver on 127.0.0.1: takes {@code POST /v1/traces} in
 * protobuf (gzip or not), as the function exports its spans, keeps every request decoded and answers success. Counts every
 * request, whatever its path, so that a test can tell that nothing was sent.
 */
public final class OtlpTraceReceiver implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    private final Queue<ExportTraceServiceRequest> exports = new ConcurrentLinkedQueue<>();
    private final Queue<String> paths = new ConcurrentLinkedQueue<>();
    private final Queue<String> failures = new ConcurrentLinkedQueue<>();
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

    /** Why each request that could not be taken could not. */
    public List<String> failures() {
        return List.copyOf(failures);
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
        try {
            receive(exchange);
        } catch (IOException | RuntimeException | LinkageError broken) {
            failures.add(broken.toString());
            throw broken;
        }
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            paths.add(exchange.getRequestURI().getPath());
            byte[] body = exchange.getRequestBody().readAllBytes();
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                try (GZIPInputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(body))) {
                    body = unzipped.readAllBytes();
                }
            }
            if (!exchange.getRequestMethod().equals("POST") || !exchange.getRequestURI().getPath().equals("/v1/traces")) {
                Loopback.send(exchange, 404, "not an OTLP traces export");
                return;
            }
            try {
                exports.add(ExportTraceServiceRequest.parseFrom(body));
            } catch (IOException | RuntimeException undecodable) {
                failures.add(undecodable + " (" + body.length + " bytes, "
                        + exchange.getRequestHeaders().getFirst("Content-Type") + ")");
                Loopback.send(exchange, 400, "not an OTLP traces export");
                return;
            }
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
