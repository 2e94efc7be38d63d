package io.flowgate.testsupport.openapi;

import java.util.List;
import java.util.Map;

/** A request and its answer as the contract sees them, whichever client made them. */
public final class HttpExchange {

    private HttpExchange() {
    }

    /**
     * @param path the path without its query, as sent
     * @param headers by name, any case
     */
    public record Request(String method, String path, Map<String, List<String>> query, Map<String, String> headers,
            String contentType, byte[] body) {

        public String header(String name) {
            return find(headers, name);
        }
    }

    public record Response(int status, Map<String, String> headers, String contentType, byte[] body) {

        public String header(String name) {
            return find(headers, name);
        }
    }

    private static String find(Map<String, String> headers, String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }
}
