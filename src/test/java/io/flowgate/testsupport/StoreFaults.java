package io.flowgate.testsupport;

import io.flowgate.config.FlowgateConfig;
import io.flowgate.store.DynamoDbSessionStore;
import io.flowgate.store.InMemorySessionStore;
import io.flowgate.store.SessionStore;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import io.flowgate.store.SessionRecord;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Store failures a test asks for, in every {@code @QuarkusTest}: the application's {@link SessionStore} is the
 * store its configuration names (memory or DynamoDB), with {@link SessionStore#create} failing as often as asked,
 * as a throttled or unreachable DynamoDB would, and updates losing their condition to another writer's change. {@link FreshStart} clears them before each test.
 */
@Singleton
public class StoreFaults {

    private final AtomicInteger failingCreates = new AtomicInteger();
    private final AtomicReference<Interference> interference = new AtomicReference<>();

    /** Another writer's change, made just before the writes it is set for. */
    record Interference(Predicate<SessionRecord> before, UnaryOperator<SessionRecord> otherWrite, AtomicInteger left) {
    }

    /** The next {@code times} session writes by {@code create} fail before they reach the store. */
    public void failNextCreates(int times) {
        failingCreates.set(times);
    }

    /**
     * The next {@code times} updates that match {@code before} each lose their condition to another writer: just
     * before each, {@code otherWrite} of the session as stored is written (one version on), as a concurrent
     * writer's change would land.
     */
    public void interfereWithUpdates(int times, Predicate<SessionRecord> before, UnaryOperator<SessionRecord> otherWrite) {
        interference.set(new Interference(before, otherWrite, new AtomicInteger(times)));
    }

    public void clear() {
        failingCreates.set(0);
        interference.set(null);
    }

    /** The other write to make before {@code updated}, if one is due. */
    UnaryOperator<SessionRecord> interferenceBefore(SessionRecord updated) {
        Interference current = interference.get();
        if (current == null || !current.before().test(updated)
                || current.left().getAndUpdate(left -> Math.max(0, left - 1)) == 0) {
            return null;
        }
        return current.otherWrite();
    }

    /** The adapter behind the application's {@link SessionStore} bean, whatever wraps it. */
    public static SessionStore adapter(SessionStore bean) {
        Object unwrapped = io.quarkus.arc.ClientProxy.unwrap(bean);
        return unwrapped instanceof FaultySessionStore faulty ? faulty.delegate() : (SessionStore) unwrapped;
    }

    boolean failCreate() {
        return failingCreates.getAndUpdate(left -> Math.max(0, left - 1)) > 0;
    }

    @Produces
    @Alternative
    @Priority(10)
    @ApplicationScoped
    SessionStore sessionStore(FlowgateConfig config, Instance<InMemorySessionStore> memory,
            Instance<DynamoDbSessionStore> dynamoDb) {
        SessionStore chosen = switch (config.store().type()) {
            case MEMORY -> memory.get();
            case DYNAMODB -> dynamoDb.get();
        };
        return new FaultySessionStore(chosen, this);
    }
}
