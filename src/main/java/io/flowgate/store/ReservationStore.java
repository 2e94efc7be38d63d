package io.flowgate.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where integrator references are held; every write is conditional, so two requests can never both hold one. */
public interface ReservationStore {

    /**
     * Stores {@code reservation} if its reference is free at {@code now}: never reserved, or its hold is over.
     *
     * @return whether it was stored
     */
    boolean reserve(Reservation reservation, Instant now);

    /** The reservation of that reference, held or not. */
    Optional<Reservation> find(String reference);

    /**
     * Replaces the stored reservation with {@code changed} if the stored one still has {@code changed.holder()}.
     *
     * @return whether it was replaced (false: another request took the reference over)
     */
    boolean replace(Reservation changed);

    /**
     * Up to {@code limit} reservations holding a pending session whose {@code repairAt} is at or before
     * {@code now}, the earliest first: creations whose request died between the vendor's answer and the record.
     */
    List<Reservation> findOrphans(Instant now, int limit);
}
