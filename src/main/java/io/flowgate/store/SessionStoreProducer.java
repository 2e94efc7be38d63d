package io.flowgate.store;

import io.flowgate.config.FlowgateConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

/**
 * The one {@link SessionStore} and the one {@link ReservationStore} bean: the adapters {@code flowgate.store.type} names. Only the chosen adapter is
 * ever created, so the memory store needs no AWS configuration, and the DynamoDB client is built on first use.
 */
public class SessionStoreProducer {

    @Produces
    @ApplicationScoped
    SessionStore sessionStore(FlowgateConfig config, Instance<InMemorySessionStore> memory,
            Instance<DynamoDbSessionStore> dynamoDb) {
        return switch (config.store().type()) {
            case MEMORY -> memory.get();
            case DYNAMODB -> dynamoDb.get();
        };
    }

    @Produces
    @ApplicationScoped
    ReservationStore reservationStore(FlowgateConfig config, Instance<InMemorySessionStore> memory,
            Instance<DynamoDbReservationStore> dynamoDb) {
        return switch (config.store().type()) {
            case MEMORY -> memory.get().reservations();
            case DYNAMODB -> dynamoDb.get();
        };
    }
}
