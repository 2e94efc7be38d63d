package io.flowgate.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Checks that no part of a person's number reaches a text: no run of {@value #RUN} or more consecutive digits of
 * it, whatever separates them in the value ({@code +7 701 ...} counts by its digits alone).
 */
public final class PersonalDigits {

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
                if (line.contains(run)) {
                    fail("digits " + run + " (from position " + start + ") of a personal number in " + where + ": "
                            + line.replace(digits, "<the whole number>"));
                }
            }
        }
    }
}
