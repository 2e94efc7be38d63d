package io.flowgate.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
