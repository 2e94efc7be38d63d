package io.flowgate.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VendorMessagesTest {

    @Test
    void passesOnTheDetailOfADjangoStyleError() {
        assertEquals("Session has expired.", VendorMessages.fromBody(Map.of("detail", "Session has expired.")));
    }

    @Test
    void joinsFieldErrorsWithTheirFieldNames() {
        assertEquals("metadata: Invalid photo. Too large.",
                VendorMessages.fromBody(Map.of("metadata", List.of("Invalid photo.", "Too large."))));
    }

    @Test
    void redactsNumberRunsSuchAsIinsAndPhones() {
        assertEquals("IIN [redacted] does not match phone [redacted]",
                VendorMessages.sanitize("IIN 123456789012 does not match phone +7 (700) 000-00-00"));
    }

    @Test
    void redactsLongTokensSuchAsKeysAndBase64() {
        assertEquals("key [redacted] unknown",
                VendorMessages.sanitize("key sandbox-individuals-0000000000000000000000000000000000 unknown"));
    }

    @Test
    void redactsEmailAddresses() {
        assertEquals("contact [redacted] please", VendorMessages.sanitize("contact test.person@example.com please"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Date of birth 01.01.2000 does not match      | Date of birth [redacted] does not match",
        "Date of birth 2000-01-01 does not match      | Date of birth [redacted] does not match",
        "Document expired on 1/2/2001                 | Document expired on [redacted]",
        "Document expired on 1 January 2001           | Document expired on [redacted]",
        "Дата рождения 01 января 2000 не совпадает    | Дата рождения [redacted] не совпадает",
        "Expired since January 1, 2001.               | Expired since [redacted].",
    })
    void redactsDates(String message, String expected) {
        assertEquals(expected, VendorMessages.sanitize(message));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Testov Test does not match the document         | [redacted] does not match the document",
        "Name Testova Testa Testovna differs             | [redacted] differs",
        "Тестов Тест Тестович не найден                  | [redacted] не найден",
        "ФИО Тестова Тестина не совпадает                | [redacted] не совпадает",
        "Holder TESTOV TEST is not the applicant          | [redacted] is not the applicant",
        "Surname does not match Testov                   | Surname does not match [redacted]",
        "Фамилия не совпадает с Тестовым                 | Фамилия не совпадает с [redacted]",
        "Document holder Testov-Fakeev T.T. is blocked   | Document holder [redacted] is blocked",
        "The name \"Testov\" differs from the document   | The name \"[redacted]\" differs from the document",
        "last_name: Does not match TESTOVSKY.            | last_name: Does not match [redacted].",
    })
    void redactsNamesInLatinAndCyrillic(String message, String expected) {
        assertEquals(expected, VendorMessages.sanitize(message));
    }

    @Test
    void keepsTheWordsAndCodesOfAnOrdinaryMessage() {
        assertEquals("metadata: Invalid photo. Too large. Photo must be JPEG or PNG, not GIF.",
                VendorMessages.sanitize("metadata: Invalid photo. Too large. Photo must be JPEG or PNG, not GIF."));
        assertEquals("Сессия истекла. Фото не распознано.", VendorMessages.sanitize("Сессия истекла. Фото не распознано."));
    }

    @Test
    void redactsANameDateAndIinTogether() {
        assertEquals("[redacted], born [redacted], IIN [redacted]: not found",
                VendorMessages.sanitize("Person Testov Test, born 01.01.2000, IIN 000101300000: not found"));
    }

    @Test
    void capsTheLengthAndRemovesControlCharacters() {
        String message = VendorMessages.sanitize("bad\nvalue " + "word ".repeat(100));
        assertEquals(303, message.length());
        assertEquals("bad value word", message.substring(0, 14));
    }

    @Test
    void saysNoReasonGivenForAnEmptyBody() {
        assertEquals("no reason given", VendorMessages.fromBody(null));
        assertEquals("no reason given", VendorMessages.fromBody(Map.of("detail", "")));
    }
}
