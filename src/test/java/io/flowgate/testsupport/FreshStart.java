package io.flowgate.testsupport;

import io.flowgate.config.FlowgateConfig;
import io.flowgate.config.StoreConfig;
import io.flowgate.sandbox.Sandbox;
import io.flowgate.store.InMemorySessionStore;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import java.util.function.Consumer;

/**
 * Every Quarkus test starts on a fresh application: the sandbox as it started, the memory store empty (when it
 * is the store in use), no store faults and the clock on real time, since the application outlives the test. A bean the profile
 * does not have is skipped.
 */
public class FreshStart implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        ArcContainer container = Arc.container();
        if (container == null) {
            return; // an integration test: the application runs in another process
        }
        ifPresent(container.instance(Sandbox.class), Sandbox::reset);
        ifPresent(container.instance(MutableClock.class), MutableClock::reset);
        ifPresent(container.instance(StoreFaults.class), StoreFaults::clear);
        if (memoryStoreInUse(container)) {
            ifPresent(container.instance(InMemorySessionStore.class), InMemorySessionStore::clear);
        }
    }

    private static boolean memoryStoreInUse(ArcContainer container) {
        InstanceHandle<FlowgateConfig> config = container.instance(FlowgateConfig.class);
        return config.isAvailable() && config.get().store().type() == StoreConfig.Type.MEMORY;
    }

    private static <T> void ifPresent(InstanceHandle<T> bean, Consumer<T> reset) {
        if (bean.isAvailable()) {
            reset.accept(bean.get());
        }
    }
}
