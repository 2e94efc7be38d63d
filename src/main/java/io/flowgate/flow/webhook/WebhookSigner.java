package io.flowgate.flow.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs as the Standard Webhooks specification says: HMAC-SHA256, keyed with the base64-decoded part of a
 * {@code whsec_} secret, over {@code <id>.<timestamp>.<body>} with the body's exact bytes; the header value is
 * {@code v1,<base64 signature>}, one per secret, separated by spaces, so a receiver holding either of two
 * secrets accepts during a change.
 */
final class WebhookSigner {

    static final String SECRET_PREFIX = "whsec_";
    private static final String HMAC_SHA256 = "HmacSHA256";

    private WebhookSigner() {
    }

    /** The {@code webhook-signature} header's value. Secrets are never part of an exception message. */
    static String signature(List<String> secrets, String id, long timestampSeconds, byte[] body) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("No secret to sign with");
        }
        byte[] prefix = (id + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8);
        List<String> signatures = new ArrayList<>();
        for (String secret : secrets) {
            signatures.add("v1," + Base64.getEncoder().encodeToString(hmac(key(secret), prefix, body)));
        }
        return String.join(" ", signatures);
    }

    private static byte[] key(String secret) {
        String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        return Base64.getDecoder().decode(encoded);
    }

    private static byte[] hmac(byte[] key, byte[] prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance(HMAC_SHA256);
            mac.init(new SecretKeySpec(key, HMAC_SHA256));
            mac.update(prefix);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available");
        }
    }
}
