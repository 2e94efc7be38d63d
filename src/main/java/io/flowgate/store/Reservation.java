package io.flowgate.store;

import java.time.Instant;
import java.util.Objects;

/**
 * An integrator reference held for one session, so that repeating a {@code createSession} cannot create a
 * second (paid) session at the vendor.
 *
 * @param reference the integrator's reference
 * @param holder a random id of the request that made the reservation; only it may complete or release it
 * @param fingerprint a keyed hash of the request's parameters (never the parameters: they hold an IIN, a phone)
 * @param sessionId the session created for it, or null while the creation is under way
 * @param holdUntil until when the reference is held; after it a new request may take it
 */
public record Reservation(String reference, String holder, String fingerprint, String sessionId, Instant holdUntil) {

    public Reservation {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(holdUntil, "holdUntil");
    }

    public boolean heldAt(Instant now) {
        return now.isBefore(holdUntil);
    }

    /** This reservation pointing at its session, held until {@code until}. */
    public Reservation withSession(String createdSessionId, Instant until) {
        return new Reservation(reference, holder, fingerprint, createdSessionId, until);
    }

    /** This reservation given up: anyone may take the reference. */
    public Reservation released() {
        return new Reservation(reference, holder, fingerprint, null, Instant.EPOCH);
    }
}
