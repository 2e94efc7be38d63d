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
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Makes {@code createSession} idempotent by reference. The reference is reserved <em>before</em> the paid call
 * to the vendor, with a conditional write, so of two requests arriving at once only one creates; the other
 * waits for that session and answers with it. The reference stays held until the session's {@code expiresAt};
 * the same parameters get the same session meanwhile, other parameters a 409. A failed creation releases it.
 */
@ApplicationScoped
public class ReferenceHolds {

    private static final Logger LOG = Logger.getLogger(ReferenceHolds.class);
    private static final Duration POLL = Duration.ofMillis(50);

    private final ReservationStore reservations;
    private final SessionStore sessions;
    private final RequestFingerprints fingerprints;
    private final Clock clock;
    /** How long a reservation is held while its creation is under way: one vendor call, with room to spare. */
    private final Duration creationHold;
    /** How long a repeated request waits for a concurrent creation of the same reference. */
    private final Duration waitForCreation;

    ReferenceHolds(ReservationStore reservations, SessionStore sessions, RequestFingerprints fingerprints,
            FlowgateConfig config, Clock clock) {
        this.reservations = reservations;
        this.sessions = sessions;
        this.fingerprints = fingerprints;
        this.clock = clock;
        this.creationHold = config.upstream().maxCallTime().plusSeconds(10);
        this.waitForCreation = config.upstream().maxCallTime().dividedBy(2);
    }

    /** The session of this reference: the live one if the same request made it, else a new one from {@code create}. */
    SessionRecord once(String reference, ValidSessionRequest request, Supplier<SessionRecord> create) {
        String fingerprint = fingerprints.of(request);
        long waitUntil = System.nanoTime() + waitForCreation.toNanos();
        while (true) {
            Instant now = clock.instant();
            Reservation mine = new Reservation(reference, UUID.randomUUID().toString(), fingerprint, null,
                    now.plus(creationHold));
            if (reservations.reserve(mine, now)) {
                return createHolding(mine, create);
            }
            Optional<SessionRecord> existing = sessionOf(reservations.find(reference), fingerprint, now);
            if (existing.isPresent()) {
                LOG.infof("session.create.repeated sessionId=%s reference=%s", existing.get().sessionId(),
                        LogMask.reference(Optional.of(reference)));
                return existing.get();
            }
            if (System.nanoTime() > waitUntil) {
                throw ReferenceConflictException.stillCreating();
            }
            sleep();
        }
    }

    /** The held reservation's session; empty while it is being created or once the hold is over. */
    private Optional<SessionRecord> sessionOf(Optional<Reservation> held, String fingerprint, Instant now) {
        if (held.isEmpty() || !held.get().heldAt(now)) {
            return Optional.empty();
        }
        if (!held.get().fingerprint().equals(fingerprint)) {
            throw ReferenceConflictException.otherParameters();
        }
        return held.get().sessionId() == null ? Optional.empty() : sessions.find(held.get().sessionId());
    }

    private SessionRecord createHolding(Reservation mine, Supplier<SessionRecord> create) {
        SessionRecord created;
        try {
            created = create.get();
        } catch (RuntimeException e) {
            reservations.replace(mine.released());
            throw e;
        }
        if (!reservations.replace(mine.withSession(created.sessionId(), created.expiresAt()))) {
            LOG.warnf("session.reference.lost sessionId=%s reference=%s: the creation outlasted its hold",
                    created.sessionId(), LogMask.reference(Optional.of(mine.reference())));
        }
        return created;
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
