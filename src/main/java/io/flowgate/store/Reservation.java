package io.flowgate.store;

import java.time.Instant;
import java.util.Objects;

/**
 * An integrator reference held for one session, so that repeating a {@code createSession} cannot create a
 * second (paid) session at the vendor.
 *
 * @param reference the caller's name, a {@code /} and the integrator's reference: references belong to their
 *        caller (a reference never holds a {@code /})
 * @param holder a random id of the request that made the reservation; only it may complete or release it
 * @param fingerprint a keyed hash of the request's parameters (never the parameters: they hold an IIN, a phone)
 * @param sessionId the session created for it, or null while the creation is under way
 * @param holdUntil until when the reference is held; after it a new request may take it
 * @param pending the vendor's session, paid for but maybe not yet stored: written here before the session's own
 *        record, so that it cannot be lost; null once the record is stored (and before the vendor answered)
 * @param repairAt with {@code pending}: when the creation counts as abandoned (its request died) and the sweep
 *        stores the pending session itself
 */
public record Reservation(String reference, String holder, String fingerprint, String sessionId, Instant holdUntil,
        SessionRecord pending, Instant repairAt) {

    public Reservation {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(holdUntil, "holdUntil");
        if ((pending == null) != (repairAt == null)) {
            throw new IllegalArgumentException("a pending session needs its repair time, and only it");
        }
    }

    /** A reservation without a pending session. */
    public Reservation(String reference, String holder, String fingerprint, String sessionId, Instant holdUntil) {
        this(reference, holder, fingerprint, sessionId, holdUntil, null, null);
    }

    public boolean heldAt(Instant now) {
        return now.isBefore(holdUntil);
    }

    /**
     * This reservation holding the vendor's session before its record is stored: held until the session expires,
     * repaired by the sweep from {@code repairAt} if its request never completes it.
     */
    public Reservation withPending(SessionRecord session, Instant repair) {
        return new Reservation(reference, holder, fingerprint, session.sessionId(), session.expiresAt(), session,
                repair);
    }

    /** This reservation pointing at its stored session, held until {@code until}. */
    public Reservation withSession(String createdSessionId, Instant until) {
        return new Reservation(reference, holder, fingerprint, createdSessionId, until, null, null);
    }

    /** This reservation given up: anyone may take the reference. */
    public Reservation released() {
        return new Reservation(reference, holder, fingerprint, null, Instant.EPOCH, null, null);
    }

    @Override
    public String toString() {
        return "Reservation[reference=" + reference + ", sessionId=" + sessionId + ", holdUntil=" + holdUntil
                + (pending == null ? "" : ", pending, repairAt=" + repairAt) + "]";
    }
}
