package io.flowgate.journey;

import static io.flowgate.journey.Journeys.createSession;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flowgate.flow.result.ResultCollection;
import io.flowgate.sandbox.Endpoint;
import io.flowgate.sandbox.Fault;
import io.flowgate.sandbox.Sandbox;
import io.flowgate.store.SessionRecord;
import io.flowgate.store.SessionStatus;
import io.flowgate.store.SessionStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Four collections of one session at once, whatever the store. In AWS they would run in separate
 * function instances; here four threads call the collection directly (the mock event server handles
 * one request at a time), with a slow vendor so that all four read the same version before any write.
 */
final class ConcurrentCollections {

    private ConcurrentCollections() {
    }

    static void assertOneConsistentRecord(Sandbox sandbox, ResultCollection collection, SessionStore store)
            throws Exception {
        String sessionId = createSession("{\"flow\":\"legal-entities\"}").path("sessionId");
        sandbox.complete(sessionId, Map.of());
        sandbox.injectAlways(Endpoint.RESULT, Fault.delay(Duration.ofMillis(300)));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Callable<SessionStatus> collect = () -> collection.collect(sessionId).status();
            for (Future<SessionStatus> call : pool.invokeAll(List.of(collect, collect, collect, collect))) {
                assertEquals(SessionStatus.COMPLETED, call.get());
            }
        } finally {
            pool.shutdown();
        }

        SessionRecord stored = store.find(sessionId).orElseThrow();
        assertEquals(SessionStatus.COMPLETED, stored.status());
        assertEquals(2, stored.version());
        assertEquals("approved", stored.decision());
    }
}
