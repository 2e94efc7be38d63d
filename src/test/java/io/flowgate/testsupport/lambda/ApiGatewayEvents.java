package io.flowgate.testsupport.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * API Gateway HTTP API events (payload format 2.0) and the function's answers to them, as API Gateway
 * builds and reads them: header names in lower case, repeated headers joined with commas, cookies apart,
 * the body base64-encoded unless it is text.
 */
public final class ApiGatewayEvents {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String DOMAIN = "flowgate.execute-api.eu-central-1.amazonaws.com";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);

    private ApiGatewayEvents() {
    }

    /** One HTTP request as an event; {@code headers} by name (any case), {@code body} may be empty. */
    public static String request(String method, String path, String rawQuery, Map<String, List<String>> headers,
            byte[] body) {
        ObjectNode event = JSON.createObjectNode();
        String routeKey = "$default";
        event.put("version", "2.0").put("routeKey", routeKey).put("rawPath", path)
                .put("rawQueryString", rawQuery == null ? "" : rawQuery);
        ObjectNode headerNode = event.putObject("headers");
        List<String> cookies = new ArrayList<>();
        String contentType = "";
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (name.equals("cookie")) {
                header.getValue().forEach(v -> cookies.addAll(List.of(v.split(";\\s*"))));
            } else {
                headerNode.put(name, String.join(",", header.getValue()));
            }
            if (name.equals("content-type")) {
                contentType = String.join(",", header.getValue());
            }
        }
        if (!cookies.isEmpty()) {
            ArrayNode cookieNode = event.putArray("cookies");
            cookies.forEach(cookieNode::add);
        }
        Map<String, String> query = query(rawQuery);
        if (!query.isEmpty()) {
            ObjectNode queryNode = event.putObject("queryStringParameters");
            query.forEach(queryNode::put);
        }
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", "123456789012").put("apiId", "flowgate").put("domainName", DOMAIN)
                .put("domainPrefix", "flowgate").put("requestId", UUID.randomUUID().toString())
                .put("routeKey", routeKey).put("stage", "$default")
                .put("time", ZonedDateTime.now(ZoneOffset.UTC).format(TIME))
                .put("timeEpoch", System.currentTimeMillis());
        context.putObject("http").put("method", method).put("path", path).put("protocol", "HTTP/1.1")
                .put("sourceIp", "127.0.0.1").put("userAgent", headerNode.path("user-agent").asText(""));
        if (body != null && body.length > 0) {
            boolean text = isText(contentType);
            event.put("body", text ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body));
            event.put("isBase64Encoded", !text);
        } else {
            event.put("isBase64Encoded", false);
        }
        return write(event);
    }

    /** A JSON request, as an integrator's backend sends it. */
    public static String jsonRequest(String path, String json, Map<String, List<String>> extraHeaders) {
        Map<String, List<String>> headers = new LinkedHashMap<>(extraHeaders);
        headers.put("content-type", List.of("application/json"));
        headers.put("host", List.of(DOMAIN));
        return request("POST", path, "", headers, json.getBytes(StandardCharsets.UTF_8));
    }

    /** A browser's GET. */
    public static String getRequest(String path, String rawQuery) {
        return request("GET", path, rawQuery, Map.of("host", List.of(DOMAIN), "accept", List.of("text/html")), null);
    }

    /** The function's answer to an HTTP event. */
    public record Answer(int status, Map<String, List<String>> headers, List<String> cookies, byte[] body) {

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (java.io.IOException e) {
                throw new IllegalStateException("not JSON: " + text(), e);
            }
        }
    }

    /** Reads the function's answer (an {@code APIGatewayV2HTTPResponse}). */
    public static Answer answer(String response) {
        JsonNode node;
        try {
            node = JSON.readTree(response);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the function's answer is not JSON: " + response, e);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        node.path("headers").fields().forEachRemaining(h -> headers.computeIfAbsent(
                h.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(h.getValue().asText()));
        node.path("multiValueHeaders").fields().forEachRemaining(h -> {
            List<String> values = headers.computeIfAbsent(h.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>());
            h.getValue().forEach(v -> {
                if (!values.contains(v.asText())) {
                    values.add(v.asText());
                }
            });
        });
        List<String> cookies = new ArrayList<>();
        node.path("cookies").forEach(c -> cookies.add(c.asText()));
        String body = node.path("body").asText("");
        byte[] bytes = node.path("isBase64Encoded").asBoolean() ? Base64.getDecoder().decode(body)
                : body.getBytes(StandardCharsets.UTF_8);
        return new Answer(node.path("statusCode").asInt(-1), headers, cookies, bytes);
    }

    private static boolean isText(String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.isEmpty() || type.startsWith("text/") || type.contains("json") || type.contains("xml")
                || type.startsWith("application/x-www-form-urlencoded");
    }

    /** The decoded value of {@code name} in a raw query string; fails when it is not there. */
    public static String queryParam(String rawQuery, String name) {
        String value = query(rawQuery).get(name);
        if (value == null) {
            throw new IllegalStateException("no " + name + " in " + rawQuery);
        }
        return value;
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            String[] kv = pair.split("=", 2);
            String key = URLDecoder.decode(kv[0], StandardCharsets.UTF_8);
            String value = kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
            params.merge(key, value, (a, b) -> a + "," + b);
        }
        return params;
    }

    static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
