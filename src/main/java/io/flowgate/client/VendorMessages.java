package io.flowgate.client;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns a vendor error body into a short message safe to pass on: number runs (IINs, phones,
 * document numbers), long tokens (keys, base64), e-mail addresses, dates and names (two capitalised
 * words or more in a row, or one inside a clause) are replaced, and the length is capped. A name alone
 * as the first word of a sentence cannot be told from an ordinary word and stays.
 */
final class VendorMessages {

    private static final int MAX_LENGTH = 300;
    private static final Pattern NUMBER_RUN = Pattern.compile("\\+?\\d[\\d ()\\-]{4,}\\d");
    private static final Pattern LONG_TOKEN = Pattern.compile("[A-Za-z0-9+/=_\\-]{24,}");
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+");
    /** 01.01.2000, 2000-01-01, 1/2/2000, 1 January 2000, 01 января 2000 г., January 1, 2000. */
    private static final Pattern DATE = Pattern.compile("(?<!\\d)(?:\\d{1,4}[./-]\\d{1,2}[./-]\\d{1,4}"
            + "|\\d{1,2}\\s+\\p{L}{3,}\\.?,?\\s+\\d{4}|\\p{L}{3,}\\s+\\d{1,2},?\\s+\\d{4})(?!\\d)");
    /** A capitalised word (Latin, Cyrillic or any script) or initials: Ivanov, IVANOV, Иванов, I.I., И. */
    private static final String CAPITALISED = "(?:(?:\\p{Lu}\\.){1,3}|\\p{Lu}[\\p{L}\\p{M}'’\\-]*)";
    /** Two capitalised words or more in a row: a full name (Ivanov Ivan, Иванов Иван Иванович, Ivanov I.I.). */
    private static final Pattern NAME_RUN = Pattern.compile(CAPITALISED + "(?:\\s+" + CAPITALISED + ")+");
    /**
     * One capitalised word inside a clause (after a lower-case word, a number, a comma or an opening quote): a
     * surname alone. The first word of a sentence or clause stays, and so do short upper-case codes (IIN, JPEG).
     */
    private static final Pattern NAME_IN_CLAUSE = Pattern.compile(
            "(?:(?<=[\\p{Ll}\\d,)\\]]\\s{1,10})|(?<=[\"'«“„]))(?:\\p{Lu}[\\p{Ll}\\p{M}'’\\-]+|\\p{Lu}{5,})");

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
        cleaned = DATE.matcher(cleaned).replaceAll("[redacted]");
        cleaned = NAME_RUN.matcher(cleaned).replaceAll("[redacted]");
        cleaned = NAME_IN_CLAUSE.matcher(cleaned).replaceAll("[redacted]");
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
