package io.flowgate.sandbox;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Fake Kazakh IINs (ИИН) that pass the checksum: {@code yyMMdd}, a century-and-sex digit, four serial
 * digits and the check digit. Made up from a seed, so the same session always gets the same person.
 */
public final class FakeIin {

    private static final int[] WEIGHTS_1 = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
    private static final int[] WEIGHTS_2 = {3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2};
    private static final LocalDate EARLIEST = LocalDate.of(1960, 1, 1);
    private static final int DAYS = 45 * 365;

    private FakeIin() {
    }

    public static String forSeed(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        LocalDate birth = EARLIEST.plusDays(random.nextInt(DAYS));
        boolean male = random.nextBoolean();
        int centuryDigit = (birth.getYear() < 2000 ? 3 : 5) + (male ? 0 : 1);
        String head = String.format("%02d%02d%02d%d", birth.getYear() % 100, birth.getMonthValue(),
                birth.getDayOfMonth(), centuryDigit);
        while (true) {
            String first11 = head + String.format("%04d", random.nextInt(10_000));
            int check = checkDigit(first11);
            if (check < 10) {
                return first11 + check;
            }
        }
    }

    public static boolean isValid(String iin) {
        return iin != null && iin.matches("\\d{12}") && checkDigit(iin.substring(0, 11)) == iin.charAt(11) - '0'
                && birthDate(iin).isPresent();
    }

    /** The birth date an IIN encodes, if it encodes one. */
    public static Optional<LocalDate> birthDate(String iin) {
        if (iin == null || !iin.matches("\\d{12}")) {
            return Optional.empty();
        }
        int century = switch (iin.charAt(6)) {
            case '1', '2' -> 1800;
            case '3', '4' -> 1900;
            case '5', '6' -> 2000;
            default -> -1;
        };
        if (century < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(century + Integer.parseInt(iin.substring(0, 2)),
                    Integer.parseInt(iin.substring(2, 4)), Integer.parseInt(iin.substring(4, 6))));
        } catch (DateTimeException notADate) {
            return Optional.empty();
        }
    }

    /** {@code M} or {@code F}, from the century-and-sex digit (odd: male). */
    public static String sex(String iin) {
        return (iin.charAt(6) - '0') % 2 == 1 ? "M" : "F";
    }

    /** The check digit of the first 11 digits; 10 means no valid IIN starts with them. */
    static int checkDigit(String first11) {
        int check = weightedSum(first11, WEIGHTS_1) % 11;
        if (check == 10) {
            check = weightedSum(first11, WEIGHTS_2) % 11;
        }
        return check;
    }

    private static int weightedSum(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        return sum;
    }
}
