package io.flowgate.flow.listing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowgate.flow.request.InvalidRequestException;
import io.flowgate.store.SessionPosition;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionPageTokensTest {

    private static final String OLD = "old-state-secret-0000000000000000000000000000";
    private static final String NEW = "new-state-secret-1111111111111111111111111111";
    private static final SessionPosition LAST = new SessionPosition(Instant.parse("2026-11-28T14:10:00.123Z"),
            "4d0c9a3e-1f2b-4c5d-8e9f-0a1b2c3d4e5f");
    private static final String MINE = "12:shop-backend\n-\n9:COMPLETED\n-\n-\n-\n";

    @Test
    void readsBackThePositionItWasMadeFromUnderTheSameCallerAndFiltersOnly() {
        SessionPageTokens tokens = new SessionPageTokens(List.of(OLD));

        String token = tokens.after(LAST, MINE);

        assertEquals(LAST, tokens.position(token, MINE));
        assertTrue(token.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}"), token);
        assertFalse(token.contains(LAST.sessionId()), token);
        assertRefused(tokens, token, "10:other-shop\n-\n9:COMPLETED\n-\n-\n-\n");
        assertRefused(tokens, token, "12:shop-backend\n-\n7:EXPIRED\n-\n-\n-\n");
        assertRefused(tokens, token, "12:shop-backend\n-\n-\n-\n-\n-\n");
    }

    @Test
    void refusesTheFailedWebhookListingsTokensForTheSamePosition() {
        String failedWebhookPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("v1." + LAST.createdAt().toEpochMilli() + "." + LAST.sessionId()).getBytes(StandardCharsets.UTF_8));
        String token = new SessionPageTokens(List.of(OLD)).after(LAST, MINE);

        assertEquals(failedWebhookPayload, token.substring(0, token.indexOf('.')), "the same text, another key");
        assertRefused(new SessionPageTokens(List.of(OLD)), token, "");
    }

    @Test
    void acceptsATokenOfTheOlderSecretDuringARotationAndRefusesItAfter() {
        String before = new SessionPageTokens(List.of(OLD)).after(LAST, MINE);

        assertEquals(LAST, new SessionPageTokens(List.of(NEW, OLD)).position(before, MINE));
        assertRefused(new SessionPageTokens(List.of(NEW)), before, MINE);
    }

    @Test
    void refusesAPositionItDidNotSignEvenWellFormed() {
        SessionPageTokens tokens = new SessionPageTokens(List.of(OLD));
        String token = tokens.after(LAST, MINE);
        String signature = token.substring(token.indexOf('.') + 1);
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("v1.9999999999999." + LAST.sessionId()).getBytes(StandardCharsets.UTF_8));

        assertRefused(tokens, forged + "." + signature, MINE);
        assertRefused(tokens, token.substring(0, token.indexOf('.')), MINE);
        assertRefused(tokens, token + "A", MINE);
        assertRefused(tokens, "x".repeat(600), MINE);
        assertRefused(tokens, ".", MINE);
        assertRefused(tokens, "%%%.###", MINE);
    }

    private static void assertRefused(SessionPageTokens tokens, String token, String context) {
        InvalidRequestException refused = assertThrows(InvalidRequestException.class,
                () -> tokens.position(token, context));
        assertEquals("invalid_page_token", refused.code());
        assertEquals("pageToken", refused.field());
    }
}
