package io.flowgate.flow.request;

/**
 * A Kazakhstan (or Russia: the same +7 numbering) phone number, normalised to {@code +7} and 10
 * digits. Personal data: {@link #toString()} shows no digit; only {@link #value()} gives the number, for
 * the upstream request.
 */
public final class PhoneNumber {

    private static final int MAX_INPUT_LENGTH = 32;
    private static final String RULE = "A phone number must be +7, 8 or 7 followed by 10 digits, or 10 digits "
            + "starting with 7; spaces, dashes, dots and parentheses are allowed between digits.";

    private final String value;

    private PhoneNumber(String value) {
        this.value = value;
    }

    /**
     * Accepts {@code +7 701 234 5678}, {@code 8 (701) 234-56-78}, {@code 77012345678} and
     * {@code 701.234.56.78}; all become {@code +77012345678}.
     *
     * @param value the number as the caller wrote it; leading and trailing whitespace is ignored
     * @param field the request field, named in the error
     * @throws InvalidRequestException {@code invalid_phone} for anything else
     */
    public static PhoneNumber parse(String value, String field) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.length() > MAX_INPUT_LENGTH) {
            throw invalid(field);
        }
        boolean plus = trimmed.startsWith("+");
        String digits = digitsBetweenSeparators(plus ? trimmed.substring(1) : trimmed, field);
        String national;
        if (plus) {
            national = digits.length() == 11 && digits.charAt(0) == '7' ? digits.substring(1) : null;
        } else if (digits.length() == 11 && (digits.charAt(0) == '8' || digits.charAt(0) == '7')) {
            national = digits.substring(1);
        } else if (digits.length() == 10 && digits.charAt(0) == '7') {
            national = digits;
        } else {
            national = null;
        }
        if (national == null) {
            throw invalid(field);
        }
        return new PhoneNumber("+7" + national);
    }

    private static String digitsBetweenSeparators(String s, String field) {
        StringBuilder digits = new StringBuilder(12);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') {
                throw invalid(field);
            }
        }
        return digits.toString();
    }

    private static InvalidRequestException invalid(String field) {
        return new InvalidRequestException("invalid_phone", field, RULE);
    }

    /** {@code +7} and 10 digits. Personal data: for the upstream request only, never for logs. */
    public String value() {
        return value;
    }

    /** No digit of it: logs show a phone as a keyed hash ({@code LogMask}), never as (part of) its digits. */
    @Override
    public String toString() {
        return "PhoneNumber[redacted]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PhoneNumber other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
