package io.flowgate.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request exactly as the sandbox received it. Holds API keys and personal data: tests may
 * assert on it, nothing may log it ({@link #toString()} shows method and path only).
 *
 * @param query   query parameters in order of appearance, decoded
 * @param headers header names in lower case, values in order of appearance
 * @param body    the raw body as text (UTF-8), empty if none
 */
public record RecordedRequest(
        Instant receivedAt,
        String method,
        String path,
        Map<String, List<String>> query,
        Map<String, List<String>> headers,
        String body) {

    public RecordedRequest {
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
    }

    /** The first value of a query parameter. */
    public Optional<String> queryParam(String name) {
        return first(query.get(name));
    }

    /** The first value of a header, by case-insensitive name. */
    public Optional<String> header(String name) {
        return first(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
    }

    public Optional<String> contentType() {
        return header("content-type");
    }

    private static Optional<String> first(List<String> values) {
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    @Override
    public String toString() {
        return "RecordedRequest[" + method + " " + path + "]";
    }
}
