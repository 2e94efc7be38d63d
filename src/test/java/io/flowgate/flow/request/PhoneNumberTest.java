package io.flowgate.flow.request;

import static io.flowgate.testsupport.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTest {

    private static final String FIELD = "prefill.phone.value";
    private static final String RULE = "A phone number must be +7, 8 or 7 followed by 10 digits, or 10 digits "
            + "starting with 7; spaces, dashes, dots and parentheses are allowed between digits.";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "+77001234567        | +77001234567",
        "+7 700 123 45 67    | +77001234567",
        "+7 (700) 123-45-67  | +77001234567",
        "87001234567         | +77001234567",
        "8 (700) 123-45-67   | +77001234567",
        "77001234567         | +77001234567",
        "7001234567          | +77001234567",
        "700.123.45.67       | +77001234567",
        "'  +7-700-123-4567 '| +77001234567",
        "8 495 000 00 00     | +74950000000",
    })
    void normalisesToPlusSevenAndTenDigits(String input, String expected) {
        assertEquals(expected, PhoneNumber.parse(input, FIELD).value());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {
        "", "   ", "+", "+7", "700123456", "770012345678", "+7700123456", "+770012345678",
        "8700123456", "870012345678", "9001234567", "6001234567", "+87001234567", "+1 202 555 0100",
        "+44 20 7946 0000", "+380441234567", "+7 700 123 45 6x", "seven 700 123 45 67", "+7/700/123/45/67",
        "+7_700_123_45_67", "++77001234567", "7+7001234567", "+7 700 123 45 67 ext 1", "+７７００１２３４５６７",
        "+7\t700\t1234567", "+7 700 123 45 67                                   0",
    })
    void rejectsAnythingElse(String input) {
        assertRejected("invalid_phone", FIELD, RULE, () -> PhoneNumber.parse(input, FIELD));
    }

    @Test
    void showsNoDigitAsText() {
        PhoneNumber phone = PhoneNumber.parse("8 (700) 123-45-67", FIELD);

        assertEquals("PhoneNumber[redacted]", phone.toString());
    }

    @Test
    void isEqualByNormalisedValue() {
        assertEquals(PhoneNumber.parse("+77001234567", FIELD), PhoneNumber.parse("8 700 123 45 67", "other"));
        assertEquals(PhoneNumber.parse("+77001234567", FIELD).hashCode(), PhoneNumber.parse("7001234567", FIELD).hashCode());
    }
}
