package io.flowgate.flow.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An HMAC-SHA256 key for one purpose, derived from a state secret under a fixed label ({@code flowgate/<purpose>/v1}):
 * the HMAC of the label under the secret. Each purpose (request fingerprints, page tokens, log masks) has its own key,
 * none of them the secret itself, so that what one of them signs says nothing of the others.
 */
public final class HmacKey {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    private HmacKey(byte[] key) {
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    /** The key for {@code label} derived from {@code stateSecret}. */
    public static HmacKey derived(String stateSecret, String label) {
        return new HmacKey(new HmacKey(stateSecret.getBytes(StandardCharsets.UTF_8)).mac(label));
    }

    /** One key per state secret, in their order (newest first: the first signs, any verifies). */
    public static List<HmacKey> derivedFromEach(List<String> stateSecrets, String label) {
        return stateSecrets.stream().map(secret -> derived(secret, label)).toList();
    }

    /** HMAC-SHA256 of {@code text} (UTF-8) under this key. */
    public byte[] mac(String text) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is missing from this JVM", e);
        }
    }
}
