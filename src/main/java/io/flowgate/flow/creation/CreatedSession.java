package io.flowgate.flow.creation;

import java.time.Instant;
import java.util.List;

/**
 * A session ready for the person.
 *
 * @param verificationUrl where to send the person's browser; short-lived (until {@code expiresAt}):
 *        do not store or log it
 * @param expiresAt when the vendor closes the session for the biometric check
 */
public record CreatedSession(String sessionId, List<String> technologies, String verificationUrl, Instant expiresAt) {
}
