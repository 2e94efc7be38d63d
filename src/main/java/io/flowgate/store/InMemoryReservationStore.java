package io.flowgate.store;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** References held in this process's memory, beside the sessions of {@link InMemorySessionStore}. */
public class InMemoryReservationStore implements ReservationStore {

    private final ConcurrentMap<String, Reservation> reservations = new ConcurrentHashMap<>();

    @Override
    public boolean reserve(Reservation reservation, Instant now) {
        boolean[] stored = {false};
        reservations.compute(reservation.reference(), (reference, held) -> {
            if (held != null && held.heldAt(now)) {
                return held;
            }
            stored[0] = true;
            return reservation;
        });
        return stored[0];
    }

    @Override
    public Optional<Reservation> find(String reference) {
        return Optional.ofNullable(reservations.get(reference));
    }

    @Override
    public boolean replace(Reservation changed) {
        boolean[] replaced = {false};
        reservations.computeIfPresent(changed.reference(), (reference, held) -> {
            if (!held.holder().equals(changed.holder())) {
                return held;
            }
            replaced[0] = true;
            return changed;
        });
        return replaced[0];
    }

    @Override
    public List<Reservation> findOrphans(Instant now, int limit) {
        return reservations.values().stream()
                .filter(reservation -> reservation.pending() != null && !reservation.repairAt().isAfter(now))
                .sorted(Comparator.comparing(Reservation::repairAt))
                .limit(limit)
                .toList();
    }

    void clear() {
        reservations.clear();
    }
}
