package io.flowgate.testsupport.lambda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An HTTP API in front of the {@link RuntimeApiEmulator}: each real HTTP request becomes an API Gateway
 * (payload 2.0) event in the function's queue, and the function's answer becomes the HTTP response, as API
 * Gateway does for a Lambda integration. No answer within the integration timeout: 503; an invocation
 * error: 502 (API Gateway's own answers, not problem JSON).
 */
public final class ApiGatewayEmulator implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    private final RuntimeApiEmulator functions;
    private final long timeoutMs;

    public ApiGatewayEmulator(RuntimeApiEmulator functions, long integrationTimeoutMs) throws IOException {
        this.functions = functions;
        this.timeoutMs = integrationTimeoutMs;
        executor = Executors.newCachedThreadPool(Loopback.daemon("api-gateway"));
        server = Loopback.server(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, List<String>> headers = exchange.getRequestHeaders();
            String event = ApiGatewayEvents.request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), headers, body);
            ApiGatewayEvents.Answer answer;
            try {
                answer = ApiGatewayEvents.answer(functions.enqueue(event).answer().get(timeoutMs, TimeUnit.MILLISECONDS));
            } catch (TimeoutException e) {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                Loopback.send(exchange, 503, "{\"message\":\"Service Unavailable\"}");
                return;
            } catch (ExecutionException e) {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                Loopback.send(exchange, 502, "{\"message\":\"Internal Server Error\"}");
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            answer.headers().forEach((name, values) -> {
                if (!name.equals("content-length") && !name.equals("transfer-encoding")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            answer.cookies().forEach(cookie -> exchange.getResponseHeaders().add("Set-Cookie", cookie));
            Loopback.send(exchange, answer.status(), answer.body());
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
