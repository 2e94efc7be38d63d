package io.flowgate.flow.signing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Opaque, tamper-proof tokens (page tokens) for one purpose: {@code <payload>.<signature>}, the payload being the
 * unpadded base64url of a text and the signature the unpadded base64url HMAC-SHA256, under a key derived from the
 * state secret for that purpose, of the payload and of a context the token is bound to (e.g. the caller and the
 * filters of a listing; empty for none). A token is read back only under the same purpose and context, and under
 * a state secret still configured (one per secret, newest first: the first signs, any verifies, so a token
 * survives a rotation).
 */
public final class SignedTokens {

    private static final int MAX_TOKEN_LENGTH = 512;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final List<HmacKey> keys;

    /** Tokens under their own label ({@code flowgate/<purpose>/v1}): no other purpose's key signs them. */
    public SignedTokens(List<String> stateSecrets, String label) {
        this.keys = HmacKey.derivedFromEach(stateSecrets, label);
    }

    /** The token of {@code text}, bound to {@code context}. */
    public String sign(String text, String context) {
        String payload = BASE64URL.encodeToString(text.getBytes(StandardCharsets.UTF_8));
        return payload + "." + BASE64URL.encodeToString(keys.get(0).mac(signed(payload, context)));
    }

    /**
     * The text of a token this gave under {@code context}; empty for anything else: altered, made up, given under
     * another context, or signed with a secret no longer configured.
     */
    public Optional<String> read(String token, String context) {
        int dot = token.length() > MAX_TOKEN_LENGTH ? -1 : token.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String payload = token.substring(0, dot);
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String text = signed(payload, context);
        if (keys.stream().noneMatch(key -> MessageDigest.isEqual(key.mac(text), given))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** What the signature covers: the payload alone without a context (the tokens given before contexts existed). */
    private static String signed(String payload, String context) {
        return context.isEmpty() ? payload : payload + "\n" + context;
    }
}
