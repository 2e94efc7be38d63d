package io.flowgate.flow.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class StateTokensTest {

    private static final String SECRET = "test-only-state-secret-0123456789abcdef";
    private static final String OTHER_SECRET = "another-test-only-secret-fedcba9876543210";
    private static final String SESSION_ID = "3fa85f64-5717-4562-b3fc-2c963f66afa6";
    private static final Instant EXPIRES_AT = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant BEFORE_EXPIRY = EXPIRES_AT.minus(Duration.ofMinutes(15));
    private static final StateCheck INVALID = new StateCheck.Invalid();

    /** Computed outside Java: HMAC-SHA256 of the first three parts with SECRET, base64url without padding. */
    private static final String KNOWN_TOKEN =
            "v1.3fa85f64-5717-4562-b3fc-2c963f66afa6.1767225600.7Iamm66vKuMMoSeDm8rffQ0wvJNoeRsaIxfbqZasKY8";

    private static StateTokens tokensAt(Instant now) {
        return new StateTokens(SECRET, Clock.fixed(now, ZoneOffset.UTC));
    }

    /** Signs any text the way a holder of SECRET could, to build tokens that are signed but wrong. */
    private static String signedBySecret(String signed) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] digest = mac.doFinal(signed.getBytes(StandardCharsets.UTF_8));
        return signed + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    @Test
    void issuesTheDocumentedFormat() {
        assertEquals(KNOWN_TOKEN, tokensAt(BEFORE_EXPIRY).issue(SESSION_ID, EXPIRES_AT));
    }

    @Test
    void issuesOnlyUrlSafeCharacters() {
        String token = tokensAt(BEFORE_EXPIRY).issue("FFFFFFFF-0000-4000-8000-FFFFFFFFFFFF", EXPIRES_AT);

        assertTrue(token.matches("v1\\.[0-9A-F-]{36}\\.1767225600\\.[A-Za-z0-9_-]{43}"), token);
    }

    @Test
    void acceptsATokenItIssued() {
        StateTokens tokens = tokensAt(BEFORE_EXPIRY);

        assertEquals(new StateCheck.Valid(SESSION_ID, EXPIRES_AT), tokens.verify(tokens.issue(SESSION_ID, EXPIRES_AT)));
    }

    @Test
    void keepsTheExpiryToTheSecond() {
        StateTokens tokens = tokensAt(BEFORE_EXPIRY);

        String token = tokens.issue(SESSION_ID, EXPIRES_AT.plusMillis(999));

        assertEquals(KNOWN_TOKEN, token);
        assertEquals(new StateCheck.Valid(SESSION_ID, EXPIRES_AT), tokens.verify(token));
    }

    @Test
    void isStillValidAtExactlyTheExpiry() {
        assertEquals(new StateCheck.Valid(SESSION_ID, EXPIRES_AT), tokensAt(EXPIRES_AT).verify(KNOWN_TOKEN));
    }

    @Test
    void expiresJustAfterTheExpiry() {
        assertEquals(new StateCheck.Expired(SESSION_ID), tokensAt(EXPIRES_AT.plusNanos(1)).verify(KNOWN_TOKEN));
        assertEquals(new StateCheck.Expired(SESSION_ID), tokensAt(EXPIRES_AT.plus(Duration.ofDays(1))).verify(KNOWN_TOKEN));
    }

    @Test
    void refusesATokenSignedWithAnotherSecret() {
        StateTokens other = new StateTokens(OTHER_SECRET, Clock.fixed(BEFORE_EXPIRY, ZoneOffset.UTC));
        String token = other.issue(SESSION_ID, EXPIRES_AT);

        assertNotEquals(KNOWN_TOKEN, token);
        assertEquals(INVALID, tokensAt(BEFORE_EXPIRY).verify(token));
    }

    @Test
    void acceptsDuringARotationATokenSignedWithTheOlderSecretAndSignsWithTheNewer() {
        Clock clock = Clock.fixed(BEFORE_EXPIRY, ZoneOffset.UTC);
        StateTokens rotating = new StateTokens(List.of(OTHER_SECRET, SECRET), clock);

        assertEquals(new StateCheck.Valid(SESSION_ID, EXPIRES_AT), rotating.verify(KNOWN_TOKEN));
        String issued = rotating.issue(SESSION_ID, EXPIRES_AT);
        assertEquals(new StateCheck.Valid(SESSION_ID, EXPIRES_AT), new StateTokens(OTHER_SECRET, clock).verify(issued));
        assertEquals(INVALID, new StateTokens(SECRET, clock).verify(issued));
    }

    @Test
    void refusesATokenSignedWithASecretRetiredFromTheList() {
        StateTokens rotated = new StateTokens(List.of(OTHER_SECRET), Clock.fixed(BEFORE_EXPIRY, ZoneOffset.UTC));

        assertEquals(INVALID, rotated.verify(KNOWN_TOKEN));
    }

    @Test
    void refusesAListWithAShortSecret() {
        assertThrows(IllegalArgumentException.class,
                () -> new StateTokens(List.of(SECRET, "short"), Clock.systemUTC()));
        assertThrows(IllegalArgumentException.class, () -> new StateTokens(List.of(), Clock.systemUTC()));
    }

    @Test
    void reportsNoExpiryForATokenItDidNotSign() {
        String token = new StateTokens(OTHER_SECRET, Clock.systemUTC()).issue(SESSION_ID, EXPIRES_AT);

        assertEquals(INVALID, tokensAt(EXPIRES_AT.plusSeconds(1)).verify(token));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "v2.3fa85f64-5717-4562-b3fc-2c963f66afa6.1767225600.7Iamm66vKuMMoSeDm8rffQ0wvJNoeRsaIxfbqZasKY8",
        "V1.3fa85f64-5717-4562-b3fc-2c963f66afa6.1767225600.7Iamm66vKuMMoSeDm8rffQ0wvJNoeRsaIxfbqZasKY8",
        "v1.3fa85f64-5717-4562-b3fc-2c963f66afa7.1767225600.7Iamm66vKuMMoSeDm8rffQ0wvJNoeRsaIxfbqZasKY8",
        "v1.3FA85F64-5717-4562-B3FC-2C963F66AFA6.1767225600.7Iamm66vKuMMoSeDm8rffQ0wvJNoeRsaIxfbqZasKY8",
        "v1.3fa85f64-5717-4562-b3fc-2c963f66afa6.1767225601.7Iamm66vKuMMoSeDm8rffQ0wvJNoeRsaIxfbqZasKY8",
        "v1.3fa85f64-5717-4562-b3fc-2c963f66afa6.9767225600.7Iamm66vKuMMoSeDm8rffQ0wvJNoeRsaIxfbqZasKY8",
        "v1.3fa85f64-5717-4562-b3fc-2c963f66afa6.01767225600.7Iamm66vKuMMoSeDm8rffQ0wvJNoeRsaIxfbqZasKY8",
        "v1.3fa85f64-5717-4562-b3fc-2c963f66afa6.1767225600.8Iamm66vKuMMoSeDm8rffQ0wvJNoeRsaIxfbqZasKY8",
        "v1.3fa85f64-5717-4562-b3fc-2c963f66afa6.1767225600.7Iamm66vKuMMoSeDm8rffQ0wvJNoeRsaIxfbqZasKY9",
        "v1.3fa85f64-5717-4562-b3fc-2c963f66afa6.1767225600.7Iamm66vKuMMoSeDm8rffQ0wvJNoeRsaIxfbqZasKY8=",
        "v1.3fa85f64-5717-4562-b3fc-2c963f66afa6.1767225600.7Iamm66vKuMMoSeDm8rffQ0wvJNoeRsaIxfbqZasKY8A",
        "v1.3fa85f64-5717-4562-b3fc-2c963f66afa6.1767225600.7Iamm66vKuMMoSeDm8rffQ0wvJNoeRsaIxfbqZasKY8.",
        "v1.3fa85f64-5717-4562-b3fc-2c963f66afa6.1767225600..7Iamm66vKuMMoSeDm8rffQ0wvJNoeRsaIxfbqZasKY8",
        "v1.3fa85f64-5717-4562-b3fc-2c963f66afa6.1767225600.7Iamm66vKuMMoSeDm8rffQ0wvJNoeRsaIxfbqZasKY8 ",
        " v1.3fa85f64-5717-4562-b3fc-2c963f66afa6.1767225600.7Iamm66vKuMMoSeDm8rffQ0wvJNoeRsaIxfbqZasKY8",
    })
    void refusesATokenAlteredInAnyPart(String altered) {
        assertEquals(INVALID, tokensAt(BEFORE_EXPIRY).verify(altered));
    }

    @Test
    void refusesAnExpiredTokenWhoseExpiryWasMovedForward() {
        String movedForward = KNOWN_TOKEN.replace(".1767225600.", ".1767225700.");

        assertEquals(INVALID, tokensAt(EXPIRES_AT.plusSeconds(60)).verify(movedForward));
    }

    @Test
    void refusesEveryTruncationOfAValidToken() {
        StateTokens tokens = tokensAt(BEFORE_EXPIRY);
        for (int length = 0; length < KNOWN_TOKEN.length(); length++) {
            String truncated = KNOWN_TOKEN.substring(0, length);
            assertEquals(INVALID, tokens.verify(truncated), truncated);
            assertEquals(INVALID, tokens.verify(KNOWN_TOKEN.substring(length + 1)), "suffix from " + (length + 1));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "v2.3fa85f64-5717-4562-b3fc-2c963f66afa6.1767225600",
        "v1.3fa85f64-5717-4562-b3fc-2c963f66afa6.1767225600.extra",
        "v1.3fa85f64-5717-4562-b3fc-2c963f66afa6",
        "v1.a/b.1767225600",
        "v1..1767225600",
        "v1.id with space.1767225600",
        "v1.x000000001x000000002x000000003x000000004x000000005x000000006x000000007x000000008x000000009"
                + "x000000010x000000011x000000012x00000013.1767225600",
        "v1.3fa85f64-5717-4562-b3fc-2c963f66afa6.01767225600",
        "v1.3fa85f64-5717-4562-b3fc-2c963f66afa6.-1",
        "v1.3fa85f64-5717-4562-b3fc-2c963f66afa6.+1767225600",
        "v1.3fa85f64-5717-4562-b3fc-2c963f66afa6.99999999999999999999",
        "v1.3fa85f64-5717-4562-b3fc-2c963f66afa6.",
    })
    void refusesASignedTokenThatIsNotOfTheExpectedShape(String signed) throws Exception {
        assertEquals(INVALID, tokensAt(BEFORE_EXPIRY).verify(signedBySecret(signed)));
    }

    @Test
    void acceptsATokenSignedTheSameWayOutsideThisClass() throws Exception {
        String signed = signedBySecret("v1." + SESSION_ID + ".1767225600");

        assertEquals(KNOWN_TOKEN, signed);
        assertEquals(new StateCheck.Valid(SESSION_ID, EXPIRES_AT), tokensAt(BEFORE_EXPIRY).verify(signed));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "garbage", ".", "...", "v1...", "v1.x.y.z", "эээ.ррр.ммм.ююю",
        "v1.3fa85f64-5717-4562-b3fc-2c963f66afa6.1767225600.7Iamm66vKuMMoSeDm8rffQ0wvJNoeRsaIxfbqZasKЯ8"})
    void refusesGarbage(String garbage) {
        assertEquals(INVALID, tokensAt(BEFORE_EXPIRY).verify(garbage));
    }

    @Test
    void refusesATokenLongerThan512Characters() {
        String oversized = KNOWN_TOKEN + "x".repeat(513 - KNOWN_TOKEN.length());

        assertEquals(513, oversized.length());
        assertEquals(INVALID, tokensAt(BEFORE_EXPIRY).verify(oversized));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "short-secret", "0123456789abcdef0123456789abcde"})
    void refusesASecretShorterThan32Characters(String secret) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new StateTokens(secret, Clock.systemUTC()));

        assertEquals("flowgate.state-secret must be at least 32 characters long", e.getMessage());
    }

    @Test
    void acceptsASecretOfExactly32Characters() {
        StateTokens tokens = new StateTokens("0123456789abcdef0123456789abcdef", Clock.fixed(BEFORE_EXPIRY, ZoneOffset.UTC));

        assertEquals(new StateCheck.Valid(SESSION_ID, EXPIRES_AT), tokens.verify(tokens.issue(SESSION_ID, EXPIRES_AT)));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "3fa85f64.5717.4562.b3fc.2c963f66afa6", "a/b", "sess id", "reference#x", "ünï",
            "x0000000001x0000000002x0000000003x0000000004x0000000005x0000000006x0000000007x0000000008x0000000009"
                    + "x0000000010x0000000011x0000000012x0000000"})
    void issuesTokensOnlyForSessionIdsOfTheSafeForm(String sessionId) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> tokensAt(BEFORE_EXPIRY).issue(sessionId, EXPIRES_AT));

        assertEquals("sessionId must be 1 to 128 letters, digits, '-' or '_'", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sess_01HZX3K2-abc", "not-a-uuid", "7", "A_b-C"})
    void carriesAnySessionIdOfTheSafeFormNotOnlyUuids(String sessionId) {
        StateTokens tokens = tokensAt(BEFORE_EXPIRY);

        assertEquals(new StateCheck.Valid(sessionId, EXPIRES_AT), tokens.verify(tokens.issue(sessionId, EXPIRES_AT)));
    }
}
