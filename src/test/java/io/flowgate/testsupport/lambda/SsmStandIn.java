package io.flowgate.testsupport.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * SSM Parameter Store's API on 127.0.0.1, as much of it as flowgate uses: {@code GetParametersByPath} in SSM's JSON 1.1
 * protocol ({@code POST /}, {@code X-Amz-Target: AmazonSSM.GetParametersByPath}), recursive or not, at most 10
 * parameters a page (more asked: SSM's {@code ValidationException}) with an opaque {@code NextToken}; a SecureString
 * asked for without decryption comes back as ciphertext, as SSM does. It can refuse every request with
 * {@code AccessDeniedException} or {@code ThrottlingException}, and records each request it was sent.
 */
public final class SsmStandIn implements AutoCloseable {

    public static final String TARGET = "AmazonSSM.GetParametersByPath";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as it arrived: its target and Authorization headers and its JSON body. */
    public record Request(String target, String authorization, JsonNode body) {
    }

    private record Stored(String type, String value) {
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, Stored> parameters = new ConcurrentSkipListMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile String refusal;

    public SsmStandIn() throws IOException {
        executor = Executors.newCachedThreadPool(Loopback.daemon("ssm-stand-in"));
        server = Loopback.server(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The endpoint to give the client ({@code flowgate.ssm.endpoint-override}). */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Stores a SecureString parameter (its full name). */
    public SsmStandIn putSecure(String name, String value) {
        parameters.put(name, new Stored("SecureString", value));
        return this;
    }

    /** Stores a String parameter (its full name). */
    public SsmStandIn putString(String name, String value) {
        parameters.put(name, new Stored("String", value));
        return this;
    }

    /** Deletes a parameter (its full name). */
    public void remove(String name) {
        parameters.remove(name);
    }

    /** From now on every request is refused with the error {@code code} (e.g. AccessDeniedException); null: served again. */
    public void refuseWith(String code) {
        refusal = code;
    }

    /** The requests received, in order. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            requests.add(new Request(target, exchange.getRequestHeaders().getFirst("Authorization"), body));
            exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
            exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
            String refused = refusal;
            if (refused != null) {
                error(exchange, refused, refused.equals("AccessDeniedException")
                        ? "User: arn:aws:sts::111122223333:assumed-role/flowgate-test/flowgate is not authorized to "
                                + "perform: ssm:GetParametersByPath on resource: arn:aws:ssm:eu-central-1:111122223333:"
                                + "parameter" + body.path("Path").asText() + " because no identity-based policy allows "
                                + "the ssm:GetParametersByPath action"
                        : "Rate exceeded");
            } else if (!"POST".equals(exchange.getRequestMethod()) || !TARGET.equals(target)) {
                error(exchange, "UnknownOperationException", "not served by this stand-in: " + target);
            } else {
                page(exchange, body);
            }
        }
    }

    private void page(HttpExchange exchange, JsonNode body) throws IOException {
        int maxResults = body.path("MaxResults").asInt(10);
        if (maxResults < 1 || maxResults > 10) {
            error(exchange, "ValidationException", "1 validation error detected: Value '" + maxResults
                    + "' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 10");
            return;
        }
        String path = body.path("Path").asText();
        String prefix = path.endsWith("/") ? path : path + "/";
        boolean recursive = body.path("Recursive").asBoolean(false);
        boolean decrypt = body.path("WithDecryption").asBoolean(false);
        List<String> names = new ArrayList<>();
        parameters.keySet().stream()
                .filter(name -> name.startsWith(prefix) && (recursive || name.indexOf('/', prefix.length()) < 0))
                .forEach(names::add);
        int from = body.hasNonNull("NextToken") ? Integer.parseInt(body.get("NextToken").asText().substring(5)) : 0;
        int to = Math.min(names.size(), from + maxResults);
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode page = answer.putArray("Parameters");
        for (String name : names.subList(from, to)) {
            Stored stored = parameters.get(name);
            boolean cipher = stored.type().equals("SecureString") && !decrypt;
            page.addObject().put("Name", name).put("Type", stored.type())
                    .put("Value", cipher ? "AQICAHhciphertext-not-decrypted==" : stored.value())
                    .put("Version", 1).put("DataType", "text")
                    .put("ARN", "arn:aws:ssm:eu-central-1:111122223333:parameter" + name);
        }
        if (to < names.size()) {
            answer.put("NextToken", "page-" + to);
        }
        Loopback.send(exchange, 200, JSON.writeValueAsString(answer));
    }

    private static void error(HttpExchange exchange, String code, String message) throws IOException {
        exchange.getResponseHeaders().set("x-amzn-ErrorType", code);
        Loopback.send(exchange, 400, JSON.writeValueAsString(Map.of("__type", code, "message", message)));
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
