package io.flowgate.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What flowgate keeps of a session. No personal data: the prefilled IIN, phone and photo go to
 * the vendor and are not kept. {@code reference} and {@code returnUrl} are the integrator's.
 *
 * @param version incremented on every change; the store's writes are conditional on it
 */
public record SessionRecord(
        String sessionId,
        String flow,
        String reference,
        List<String> technologies,
        Instant createdAt,
        Instant expiresAt,
        SessionStatus status,
        String returnUrl,
        String locale,
        long version) {

    public SessionRecord {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(flow, "flow");
        technologies = List.copyOf(technologies);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(locale, "locale");
    }
}
