package io.flowgate.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What every {@link ReservationStore} does: run against each adapter. */
abstract class ReservationStoreContract {

    static final Instant T0 = Instant.parse("2026-03-02T09:15:30.123Z");
    static final Instant HOLD = T0.plus(Duration.ofSeconds(30));

    protected abstract ReservationStore reservations();

    /** A reference no earlier test used: reservations outlive a test. */
    protected abstract String freshReference();

    @Test
    void reservesAFreeReferenceAndFindsIt() {
        String reference = freshReference();
        Reservation mine = new Reservation(reference, "holder-1", "fp-1", null, HOLD);

        assertTrue(reservations().reserve(mine, T0));

        assertEquals(Optional.of(mine), reservations().find(reference));
    }

    @Test
    void refusesAHeldReferenceAndKeepsTheHolder() {
        String reference = freshReference();
        Reservation first = new Reservation(reference, "holder-1", "fp-1", null, HOLD);
        reservations().reserve(first, T0);

        assertFalse(reservations().reserve(new Reservation(reference, "holder-2", "fp-2", null, HOLD.plusSeconds(60)),
                HOLD.minusMillis(1)));

        assertEquals(Optional.of(first), reservations().find(reference));
    }

    @Test
    void givesTheReferenceToAnotherRequestOnceTheHoldIsOver() {
        String reference = freshReference();
        reservations().reserve(new Reservation(reference, "holder-1", "fp-1", "s-1", HOLD), T0);
        Reservation next = new Reservation(reference, "holder-2", "fp-2", null, HOLD.plusSeconds(60));

        assertTrue(reservations().reserve(next, HOLD.plusMillis(1)));

        assertEquals(Optional.of(next), reservations().find(reference));
    }

    @Test
    void letsOnlyTheHolderCompleteOrReleaseIt() {
        String reference = freshReference();
        Reservation mine = new Reservation(reference, "holder-1", "fp-1", null, HOLD);
        reservations().reserve(mine, T0);

        Reservation someoneElses = new Reservation(reference, "holder-2", "fp-1", "s-2", HOLD.plusSeconds(600));
        assertFalse(reservations().replace(someoneElses));
        Reservation completed = mine.withSession("s-1", HOLD.plusSeconds(600));
        assertTrue(reservations().replace(completed));
        assertEquals(Optional.of(completed), reservations().find(reference));

        assertTrue(reservations().replace(mine.released()));
        assertTrue(reservations().reserve(new Reservation(reference, "holder-3", "fp-3", null, HOLD), T0));
    }

    @Test
    void keepsThePendingSessionAndListsItAsAnOrphanFromItsRepairTimeUntilCompleted() {
        String reference = freshReference();
        Reservation mine = new Reservation(reference, "holder-1", "fp-1", null, HOLD);
        reservations().reserve(mine, T0);
        SessionRecord paid = SessionRecord.created("s-paid-" + reference, "individuals", "shop-backend", "order-1",
                List.of("LD", "F2F"), T0, T0.plus(Duration.ofMinutes(10)), "https://shop.example.com/kyc/done", "en",
                T0.plus(Duration.ofMinutes(2)));
        Reservation pending = mine.withPending(paid, T0.plusSeconds(30));

        assertTrue(reservations().replace(pending));

        assertEquals(Optional.of(pending), reservations().find(reference));
        assertEquals(paid.expiresAt(), reservations().find(reference).orElseThrow().holdUntil());
        assertEquals(List.of(), reservations().findOrphans(T0.plusSeconds(29), 10).stream()
                .filter(orphan -> orphan.reference().equals(reference)).toList());
        assertEquals(List.of(pending), reservations().findOrphans(T0.plusSeconds(30), 10).stream()
                .filter(orphan -> orphan.reference().equals(reference)).toList());

        assertTrue(reservations().replace(pending.withSession(paid.sessionId(), paid.expiresAt())));
        assertEquals(List.of(), reservations().findOrphans(T0.plusSeconds(30), 10).stream()
                .filter(orphan -> orphan.reference().equals(reference)).toList());
    }

    @Test
    void findsNothingForAReferenceNeverReserved() {
        assertEquals(Optional.empty(), reservations().find(freshReference()));
    }

    @Test
    void letsExactlyOneOfManySimultaneousRequestsHoldAReference() throws Exception {
        String reference = freshReference();
        int requests = 6;
        CyclicBarrier start = new CyclicBarrier(requests);
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        try {
            List<Future<Boolean>> outcomes = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                Reservation attempt = new Reservation(reference, "holder-" + i, "fp", null, HOLD);
                outcomes.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return reservations().reserve(attempt, T0);
                }));
            }
            int held = 0;
            for (Future<Boolean> outcome : outcomes) {
                held += outcome.get(20, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertEquals(1, held);
        } finally {
            pool.shutdownNow();
        }
    }
}
