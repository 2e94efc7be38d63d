package io.flowgate.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.regex.Pattern;

/**
 * Checks that no part of a person's number reaches a text: no run of {@value #RUN} or more consecutive digits of
 * it, whatever separates them in the value ({@code +7 701 ...} counts by its digits alone). Ids in the UUID form
 * (session ids, request ids: 32 hexadecimal digits, random) are left out of the scan: one in a few hundred holds
 * some run of 4 digits of a given number by chance, and no IIN or phone number is written in that form.
 */
public final class PersonalDigits {

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** The shortest run of digits that counts as part of the number. */
    public static final int RUN = 4;

    private PersonalDigits() {
    }

    /** Fails naming the run and the line (never the whole number) when {@code text} holds one. */
    public static void assertNoRunOf(String text, String value, String where) {
        String digits = value.replaceAll("[^0-9]", "");
        if (digits.length() < RUN) {
            throw new IllegalArgumentException("a value of fewer than " + RUN + " digits");
        }
        for (int start = 0; start + RUN <= digits.length(); start++) {
            String run = digits.substring(start, start + RUN);
            for (String line : text.split("\n")) {
                if (UUID.matcher(line).replaceAll("<uuid>").contains(run)) {
                    fail("digits " + run + " (from position " + start + ") of a personal number in " + where + ": "
                            + line.replace(digits, "<the whole number>"));
                }
            }
        }
    }
}
