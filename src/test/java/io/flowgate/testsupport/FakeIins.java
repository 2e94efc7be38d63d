package io.flowgate.testsupport;

import java.util.Locale;
import java.util.OptionalInt;

/**
 * Made-up IINs for tests: a plausible birth date, a century-and-sex digit, a serial and a valid
 * check digit. Deterministic per seed, so a failing test names the same number on every run. The
 * check digit is computed here independently of {@code Iin}, so the two can be tested against
 * each other.
 */
public final class FakeIins {

    private static final int[] SECOND_PASS_WEIGHTS = {3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2};

    private FakeIins() {
    }

    /** A valid IIN for this seed; candidates for which no check digit exists are skipped. */
    public static String valid(long seed) {
        for (int attempt = 0; ; attempt++) {
            String first11 = candidate(mix(seed, attempt));
            OptionalInt check = checkDigit(first11);
            if (check.isPresent()) {
                return first11 + check.getAsInt();
            }
        }
    }

    /** {@link #valid(long)} with its last digit replaced by one of the nine wrong ones. */
    public static String withWrongCheckDigit(long seed) {
        String iin = valid(seed);
        int correct = iin.charAt(11) - '0';
        int wrong = (correct + 1 + (int) Math.floorMod(seed, 9L)) % 10;
        return iin.substring(0, 11) + wrong;
    }

    /** The check digit for the first 11 digits of an IIN, empty when both passes give 10. */
    public static OptionalInt checkDigit(String first11) {
        int first = 0;
        int second = 0;
        for (int i = 0; i < 11; i++) {
            int d = first11.charAt(i) - '0';
            first += d * (i + 1);
            second += d * SECOND_PASS_WEIGHTS[i];
        }
        if (first % 11 != 10) {
            return OptionalInt.of(first % 11);
        }
        return second % 11 == 10 ? OptionalInt.empty() : OptionalInt.of(second % 11);
    }

    private static String candidate(long h) {
        long u = h >>> 1;
        int yy = (int) (u % 100);
        int mm = 1 + (int) (u / 100 % 12);
        int dd = 1 + (int) (u / 1_200 % 28);
        boolean female = (u / 33_600 % 2) == 1;
        int serial = 1 + (int) (u / 67_200 % 9_999);
        int centuryAndSex = (yy <= 25 ? 5 : 3) + (female ? 1 : 0);
        return String.format(Locale.ROOT, "%02d%02d%02d%d%04d", yy, mm, dd, centuryAndSex, serial);
    }

    private static long mix(long seed, int attempt) {
        long z = seed * 0x9E3779B97F4A7C15L + attempt * 0xD1B54A32D192ED03L + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
