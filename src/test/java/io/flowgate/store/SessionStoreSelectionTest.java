package io.flowgate.store;

import static io.flowgate.store.SessionStoreContract.T0;
import static io.flowgate.store.SessionStoreContract.created;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** In the test profile ({@code flowgate.store.type=memory}) the application's one store is the in-memory one. */
@QuarkusTest
class SessionStoreSelectionTest {

    @Inject
    Instance<SessionStore> stores;

    @Inject
    InMemorySessionStore memory;

    @Test
    void theOneSessionStoreIsTheInMemoryStoreWhenMemoryIsConfigured() {
        SessionRecord session = created("s-selection", "order-1", T0);

        stores.get().create(session);

        assertEquals(1, stores.stream().count());
        assertEquals(Optional.of(session), memory.find("s-selection"));
    }
}
