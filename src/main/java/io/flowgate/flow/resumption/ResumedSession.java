package io.flowgate.flow.resumption;

import java.time.Instant;

/**
 * A link for a person to go on with an open session.
 *
 * @param verificationUrl where to send the person's browser: the same vendor session; short-lived (until
 *        {@code expiresAt}): do not store or log it
 * @param expiresAt when the vendor closes the session for the biometric check
 */
public record ResumedSession(String sessionId, String verificationUrl, Instant expiresAt) {
}
