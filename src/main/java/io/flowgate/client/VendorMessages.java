package io.flowgate.client;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns a vendor error body into a short message safe to pass on: number runs (IINs, phones,
 * document numbers), long tokens (keys, base64) and e-mail addresses are replaced, and the
 * length is capped.
 */
final class VendorMessages {

    private static final int MAX_LENGTH = 300;
    private static final Pattern NUMBER_RUN = Pattern.compile("\\+?\\d[\\d ()\\-]{4,}\\d");
    private static final Pattern LONG_TOKEN = Pattern.compile("[A-Za-z0-9+/=_\\-]{24,}");
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+");

    private VendorMessages() {
    }

    static String fromBody(Object body) {
        if (body instanceof Map<?, ?> map) {
            return sanitize(map.get("detail") instanceof String detail ? detail : flatten(map));
        }
        return sanitize(body == null ? "" : String.valueOf(body));
    }

    static String sanitize(String text) {
        String cleaned = EMAIL.matcher(text).replaceAll("[redacted]");
        cleaned = LONG_TOKEN.matcher(cleaned).replaceAll("[redacted]");
        cleaned = NUMBER_RUN.matcher(cleaned).replaceAll("[redacted]");
        cleaned = cleaned.replaceAll("\\p{Cntrl}", " ").strip();
        if (cleaned.isEmpty()) {
            return "no reason given";
        }
        return cleaned.length() <= MAX_LENGTH ? cleaned : cleaned.substring(0, MAX_LENGTH) + "...";
    }

    private static String flatten(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(VendorMessages::flatten).collect(Collectors.joining(" "));
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> e.getKey() + ": " + flatten(e.getValue()))
                    .collect(Collectors.joining("; "));
        }
        return String.valueOf(value);
    }
}
