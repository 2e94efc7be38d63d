package io.flowgate.store;

import java.util.UUID;

class InMemoryReservationStoreTest extends ReservationStoreContract {

    private final InMemoryReservationStore reservations = new InMemoryReservationStore();

    @Override
    protected ReservationStore reservations() {
        return reservations;
    }

    @Override
    protected String freshReference() {
        return "order-" + UUID.randomUUID();
    }
}
