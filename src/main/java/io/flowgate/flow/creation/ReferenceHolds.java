package io.flowgate.flow.creation;

import io.flowgate.config.FlowgateConfig;
import io.flowgate.store.Reservation;
import io.flowgate.store.ReservationStore;
import io.flowgate.store.SessionRecord;
import io.flowgate.store.SessionStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Makes {@code createSession} idempotent by reference, per caller: references belong to the caller that uses
 * them, so two callers may use the same one. The reference is reserved <em>before</em> the paid call to the
 * vendor, with a conditional write, so of two requests arriving at once only one creates; the other waits for
 * that session and answers with it. The vendor's session is written into the reservation before its own record
 * (so it cannot be lost: a repeated request, or the sweep, stores it if the request that paid for it died), and
 * the reference stays held until the session's {@code expiresAt}; the same parameters get the same session
 * meanwhile, other parameters a 409. A creation that failed before the vendor answered releases the reference.
 */
@ApplicationScoped
public class ReferenceHolds {

    private static final Logger LOG = Logger.getLogger(ReferenceHolds.class);
    private static final Duration POLL = Duration.ofMillis(50);

    private final ReservationStore reservations;
    private final SessionStore sessions;
    private final SessionRecorder recorder;
    private final RequestFingerprints fingerprints;
    private final Clock clock;
    private final LogMask mask;
    /** How long a reservation is held while its creation is under way: one vendor call, with room to spare. */
    private final Duration creationHold;
    /** How long a repeated request waits for a concurrent creation of the same reference. */
    private final Duration waitForCreation;

    ReferenceHolds(ReservationStore reservations, SessionStore sessions, SessionRecorder recorder,
            RequestFingerprints fingerprints, FlowgateConfig config, Clock clock, LogMask mask) {
        this.mask = mask;
        this.reservations = reservations;
        this.sessions = sessions;
        this.recorder = recorder;
        this.fingerprints = fingerprints;
        this.clock = clock;
        this.creationHold = config.upstream().maxCallTime().plusSeconds(10);
        this.waitForCreation = config.upstream().maxCallTime().dividedBy(2);
    }

    /**
     * The session of this caller's reference: the live one if the same request made it, else a new one, created at
     * the vendor by {@code atVendor} and stored here.
     */
    SessionRecord once(String caller, String reference, ValidSessionRequest request, Supplier<SessionRecord> atVendor) {
        String key = caller + "/" + reference;
        String fingerprint = fingerprints.of(request);
        Set<String> accepted = fingerprints.accepted(request);
        long waitUntil = System.nanoTime() + waitForCreation.toNanos();
        while (true) {
            Instant now = clock.instant();
            Reservation mine = new Reservation(key, UUID.randomUUID().toString(), fingerprint, null,
                    now.plus(creationHold));
            if (reservations.reserve(mine, now)) {
                return createHolding(mine, atVendor);
            }
            Optional<SessionRecord> existing = sessionOf(reservations.find(key), accepted, now);
            if (existing.isPresent()) {
                LOG.infof("session.create.repeated sessionId=%s reference=%s", existing.get().sessionId(),
                        mask.reference(Optional.of(reference)));
                return existing.get();
            }
            if (System.nanoTime() > waitUntil) {
                throw ReferenceConflictException.stillCreating();
            }
            sleep();
        }
    }

    /**
     * Stores the pending sessions of creations whose request died (see {@link Reservation#pending()}).
     *
     * @return how many were stored
     */
    public int repairOrphans(int limit) {
        int repaired = 0;
        for (Reservation orphan : reservations.findOrphans(clock.instant(), limit)) {
            try {
                SessionRecord stored = recorder.record(orphan.pending());
                reservations.replace(orphan.withSession(stored.sessionId(), stored.expiresAt()));
                LOG.warnf("session.orphan.recorded sessionId=%s flow=%s", stored.sessionId(), stored.flow());
                repaired++;
            } catch (RuntimeException failed) {
                LOG.warnf("session.orphan.failed sessionId=%s failure=%s", orphan.sessionId(),
                        failed.getClass().getSimpleName());
            }
        }
        return repaired;
    }

    /** The held reservation's session; empty while it is being created or once the hold is over. */
    private Optional<SessionRecord> sessionOf(Optional<Reservation> held, Set<String> accepted, Instant now) {
        if (held.isEmpty() || !held.get().heldAt(now)) {
            return Optional.empty();
        }
        if (!accepted.contains(held.get().fingerprint())) {
            throw ReferenceConflictException.otherParameters();
        }
        if (held.get().sessionId() == null) {
            return Optional.empty();
        }
        Optional<SessionRecord> stored = sessions.find(held.get().sessionId());
        if (stored.isEmpty() && held.get().pending() != null) {
            return Optional.of(recorder.record(held.get().pending()));
        }
        return stored;
    }

    private SessionRecord createHolding(Reservation mine, Supplier<SessionRecord> atVendor) {
        SessionRecord created;
        try {
            created = atVendor.get();
        } catch (RuntimeException e) {
            reservations.replace(mine.released());
            throw e;
        }
        Reservation pending = mine.withPending(created, clock.instant().plus(creationHold));
        try {
            if (!reservations.replace(pending)) {
                LOG.warnf("session.pending.unwritten sessionId=%s: the reference was taken over", created.sessionId());
            }
        } catch (RuntimeException notWritten) {
            LOG.warnf("session.pending.unwritten sessionId=%s failure=%s", created.sessionId(),
                    notWritten.getClass().getSimpleName());
        }
        SessionRecord stored = recorder.record(created);
        if (!reservations.replace(pending.withSession(stored.sessionId(), stored.expiresAt()))) {
            LOG.warnf("session.reference.lost sessionId=%s reference=%s: the creation outlasted its hold",
                    stored.sessionId(), mask.reference(Optional.of(mine.reference())));
        }
        return stored;
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ReferenceConflictException.stillCreating();
        }
    }
}
