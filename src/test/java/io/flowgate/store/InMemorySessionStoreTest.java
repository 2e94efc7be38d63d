package io.flowgate.store;

class InMemorySessionStoreTest extends SessionStoreContract {

    private final InMemorySessionStore store = new InMemorySessionStore();

    @Override
    protected SessionStore store() {
        return store;
    }

    @Override
    protected void removeAllSessions() {
        store.clear();
    }
}
