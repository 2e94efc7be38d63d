package io.flowgate.flow.request;

import static io.flowgate.testsupport.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LocaleCodeTest {

    private static final String FIELD = "locale";

    @Test
    void usesTheDefaultWhenNoneIsGiven() {
        assertEquals("en", LocaleCode.check(null, "en", FIELD));
        assertEquals("ru", LocaleCode.check(null, "ru", FIELD));
    }

    @ParameterizedTest
    @CsvSource({"ru, ru", "en, en", "RU, ru", "En, en"})
    void acceptsRussianAndEnglishInAnyCase(String given, String expected) {
        assertEquals(expected, LocaleCode.check(given, "ru", FIELD));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "kk", "de", "ru-RU", "en_US", " en", "ru ", "rus", "eng", "ру"})
    void refusesAnyOtherLanguage(String locale) {
        assertRejected("invalid_locale", FIELD, "The locale must be ru or en.", () -> LocaleCode.check(locale, "ru", FIELD));
    }
}
