package io.flowgate.flow.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowgate.flow.request.InvalidRequestException;
import io.flowgate.store.FailedWebhookPosition;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailedWebhookPageTokensTest {

    private static final String OLD = "old-state-secret-0000000000000000000000000000";
    private static final String NEW = "new-state-secret-1111111111111111111111111111";
    private static final FailedWebhookPosition LAST = new FailedWebhookPosition(
            Instant.parse("2026-11-28T14:10:00.123Z"), "4d0c9a3e-1f2b-4c5d-8e9f-0a1b2c3d4e5f");

    @Test
    void readsBackThePositionItWasMadeFromWithoutShowingItInTheClear() {
        FailedWebhookPageTokens tokens = new FailedWebhookPageTokens(List.of(OLD));

        String token = tokens.after(LAST);

        assertEquals(LAST, tokens.position(token));
        assertTrue(token.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}"), token);
        assertTrue(!token.contains(LAST.sessionId()), token);
    }

    @Test
    void acceptsATokenOfTheOlderSecretDuringARotationAndRefusesItAfter() {
        String before = new FailedWebhookPageTokens(List.of(OLD)).after(LAST);

        assertEquals(LAST, new FailedWebhookPageTokens(List.of(NEW, OLD)).position(before));
        assertEquals(LAST, new FailedWebhookPageTokens(List.of(NEW, OLD)).position(
                new FailedWebhookPageTokens(List.of(NEW)).after(LAST)));
        assertRefused(new FailedWebhookPageTokens(List.of(NEW)), before);
    }

    @Test
    void refusesAPositionItDidNotSignEvenWellFormed() {
        FailedWebhookPageTokens tokens = new FailedWebhookPageTokens(List.of(OLD));
        String token = tokens.after(LAST);
        String signature = token.substring(token.indexOf('.') + 1);
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("v1.9999999999999." + LAST.sessionId()).getBytes(StandardCharsets.UTF_8));

        assertRefused(tokens, forged + "." + signature);
        assertRefused(tokens, token.substring(0, token.indexOf('.')));
        assertRefused(tokens, "x".repeat(600));
        assertRefused(tokens, ".");
    }

    private static void assertRefused(FailedWebhookPageTokens tokens, String token) {
        InvalidRequestException refused = assertThrows(InvalidRequestException.class, () -> tokens.position(token));
        assertEquals("invalid_page_token", refused.code());
        assertEquals("pageToken", refused.field());
    }
}
