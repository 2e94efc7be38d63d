package io.flowgate.flow.request;

/**
 * A Kazakhstan individual identification number (ИИН): 12 digits, the last a check digit.
 * Personal data: {@link #toString()} shows no digit; only {@link #value()} gives the digits, for the
 * upstream request.
 */
public final class Iin {

    private static final int LENGTH = 12;
    private static final int[] SECOND_PASS_WEIGHTS = {3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2};

    private final String value;

    private Iin(String value) {
        this.value = value;
    }

    /**
     * @param value the IIN; leading and trailing whitespace is ignored
     * @param field the request field, named in the error
     * @throws InvalidRequestException {@code invalid_iin} when not 12 digits or the check digit is wrong
     */
    public static Iin parse(String value, String field) {
        String digits = value == null ? "" : value.strip();
        if (!isAsciiDigits(digits, LENGTH)) {
            throw new InvalidRequestException("invalid_iin", field, "An IIN must be exactly 12 digits.");
        }
        int check = checkDigit(digits);
        if (check < 0 || check != digits.charAt(LENGTH - 1) - '0') {
            throw new InvalidRequestException("invalid_iin", field, "The IIN's check digit does not match.");
        }
        return new Iin(digits);
    }

    /** The check digit of the first 11 digits, or -1 when no check digit is possible for them. */
    private static int checkDigit(String digits) {
        int first = 0;
        int second = 0;
        for (int i = 0; i < LENGTH - 1; i++) {
            int d = digits.charAt(i) - '0';
            first += d * (i + 1);
            second += d * SECOND_PASS_WEIGHTS[i];
        }
        if (first % 11 != 10) {
            return first % 11;
        }
        return second % 11 == 10 ? -1 : second % 11;
    }

    private static boolean isAsciiDigits(String s, int length) {
        if (s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The 12 digits. Personal data: for the upstream request only, never for logs. */
    public String value() {
        return value;
    }

    /** No digit of it: logs show an IIN as a keyed hash ({@code LogMask}), never as (part of) its digits. */
    @Override
    public String toString() {
        return "Iin[redacted]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Iin other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
