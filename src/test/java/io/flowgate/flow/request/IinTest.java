package io.flowgate.flow.request;

import static io.flowgate.testsupport.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class IinTest {

    private static final String FIELD = "prefill.iin.value";
    private static final String NOT_12_DIGITS = "An IIN must be exactly 12 digits.";
    private static final String WRONG_CHECK = "The IIN's check digit does not match.";

    // 9 0 0 1 0 1 3 0 0 0 1 weighted 1..11: 9 + 4 + 6 + 21 + 11 = 51; 51 mod 11 = 7 -> check digit 7.
    private static final String FIRST_PASS_IIN = "900101300017";

    // 9 1 0 3 1 5 3 0 0 3 0 weighted 1..11: 9 + 2 + 12 + 5 + 30 + 21 + 30 = 109; 109 mod 11 = 10, so
    // the second pass, weights 3 4 5 6 7 8 9 10 11 1 2: 27 + 4 + 18 + 7 + 40 + 27 + 3 = 126;
    // 126 mod 11 = 5 -> check digit 5.
    private static final String SECOND_PASS_IIN = "910315300305";

    @Test
    void acceptsAnIinWhoseCheckDigitComesFromTheFirstPass() {
        assertEquals(FIRST_PASS_IIN, Iin.parse(FIRST_PASS_IIN, FIELD).value());
    }

    @Test
    void acceptsAnIinWhoseCheckDigitComesFromTheSecondPass() {
        assertEquals(SECOND_PASS_IIN, Iin.parse(SECOND_PASS_IIN, FIELD).value());
    }

    @Test
    void stripsSurroundingWhitespace() {
        assertEquals(FIRST_PASS_IIN, Iin.parse(" \t" + FIRST_PASS_IIN + "\n ", FIELD).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"900101300010", "900101300016", "900101300018", "910315300300", "910315300306"})
    void rejectsAWrongCheckDigit(String iin) {
        assertRejected("invalid_iin", FIELD, WRONG_CHECK, () -> Iin.parse(iin, FIELD));
    }

    /**
     * 9 1 0 3 1 5 3 0 0 3 8: first pass 9 + 2 + 12 + 5 + 30 + 21 + 30 + 88 = 197, 197 mod 11 = 10;
     * second pass 27 + 4 + 18 + 7 + 40 + 27 + 3 + 16 = 142, 142 mod 11 = 10: no last digit is valid.
     */
    @ParameterizedTest
    @ValueSource(strings = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"})
    void rejectsEveryLastDigitWhenBothPassesGiveTen(String last) {
        assertRejected("invalid_iin", FIELD, WRONG_CHECK, () -> Iin.parse("91031530038" + last, FIELD));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "90010130001", "9001013000170", "9001013 00017", "90010130001a",
        "+90101300017", "-90101300017", "9001-0130-0017", "९००१०१३०००१७", "９００１０１３０００１７"})
    void rejectsAnythingButTwelveAsciiDigits(String value) {
        assertRejected("invalid_iin", FIELD, NOT_12_DIGITS, () -> Iin.parse(value, FIELD));
    }

    @Test
    void showsNoDigitAsText() {
        Iin iin = Iin.parse(FIRST_PASS_IIN, FIELD);

        assertEquals("Iin[redacted]", iin.toString());
    }

    @Test
    void isEqualByValue() {
        assertEquals(Iin.parse(FIRST_PASS_IIN, FIELD), Iin.parse(" " + FIRST_PASS_IIN, "other"));
        assertEquals(Iin.parse(FIRST_PASS_IIN, FIELD).hashCode(), Iin.parse(FIRST_PASS_IIN, FIELD).hashCode());
    }
}
