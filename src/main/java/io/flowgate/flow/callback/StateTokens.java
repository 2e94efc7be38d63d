package io.flowgate.flow.callback;

import io.flowgate.client.VendorSessionIds;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks the state token that travels through the vendor's redirect and back to the
 * callback: {@code v1.<sessionId>.<expiresAtEpochSeconds>.<signature>}, the signature being the
 * unpadded base64url HMAC-SHA256 of everything before its dot. URL-safe as it stands.
 */
public final class StateTokens {

    private static final String VERSION = "v1";
    private static final String ALGORITHM = "HmacSHA256";
    private static final int MIN_SECRET_LENGTH = 32;
    private static final int MAX_TOKEN_LENGTH = 512;
    private static final long MAX_EPOCH_SECONDS = 9_999_999_999_999_999L;
    private static final Pattern EPOCH_SECONDS = Pattern.compile("0|[1-9][0-9]{0,15}");
    private static final StateCheck INVALID = new StateCheck.Invalid();

    private final List<SecretKeySpec> keys;
    private final Clock clock;

    /**
     * @param secrets the value of {@code flowgate.state-secret}, newest first: tokens are signed with the first and
     *     accepted when signed with any; each at least 32 characters
     * @throws IllegalArgumentException when there is no secret or one is too short (the message names the
     *     property, never the value)
     */
    public StateTokens(List<String> secrets, Clock clock) {
        if (secrets == null || secrets.isEmpty()
                || secrets.stream().anyMatch(secret -> secret == null || secret.length() < MIN_SECRET_LENGTH)) {
            throw new IllegalArgumentException(
                    "flowgate.state-secret must be at least " + MIN_SECRET_LENGTH + " characters long");
        }
        this.keys = secrets.stream().map(secret -> new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8),
                ALGORITHM)).toList();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** With one secret only. */
    public StateTokens(String secret, Clock clock) {
        this(Collections.singletonList(secret), clock);
    }

    /**
     * @param sessionId the vendor's session id, of the form {@link VendorSessionIds} accepts
     * @param expiresAt when the browser may no longer come back with this token; kept to the second
     */
    public String issue(String sessionId, Instant expiresAt) {
        if (!VendorSessionIds.isSafe(sessionId)) {
            throw new IllegalArgumentException("sessionId must be " + VendorSessionIds.RULE);
        }
        long epochSeconds = expiresAt.getEpochSecond();
        if (epochSeconds < 0 || epochSeconds > MAX_EPOCH_SECONDS) {
            throw new IllegalArgumentException("expiresAt is out of range");
        }
        String signed = VERSION + "." + sessionId + "." + epochSeconds;
        return signed + "." + sign(keys.get(0), signed);
    }

    /** Checks the signature first; only a token we signed is read, and only then is its expiry looked at. */
    public StateCheck verify(String token) {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN_LENGTH) {
            return INVALID;
        }
        int lastDot = token.lastIndexOf('.');
        if (lastDot < 0) {
            return INVALID;
        }
        String signed = token.substring(0, lastDot);
        byte[] presented = token.substring(lastDot + 1).getBytes(StandardCharsets.US_ASCII);
        if (!signedWithAnyKey(signed, presented)) {
            return INVALID;
        }

        String[] parts = signed.split("\\.", -1);
        if (parts.length != 3
                || !VERSION.equals(parts[0])
                || !VendorSessionIds.isSafe(parts[1])
                || !EPOCH_SECONDS.matcher(parts[2]).matches()) {
            return INVALID;
        }
        String sessionId = parts[1];
        Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(parts[2]));
        return clock.instant().isAfter(expiresAt)
                ? new StateCheck.Expired(sessionId)
                : new StateCheck.Valid(sessionId, expiresAt);
    }

    /** Every key is tried, whichever matches, so that the time taken says nothing of which one did. */
    private boolean signedWithAnyKey(String signed, byte[] presented) {
        boolean matches = false;
        for (SecretKeySpec key : keys) {
            matches |= MessageDigest.isEqual(sign(key, signed).getBytes(StandardCharsets.US_ASCII), presented);
        }
        return matches;
    }

    private static String sign(SecretKeySpec key, String signed) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] digest = mac.doFinal(signed.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        }
    }
}
