package io.flowgate.sandbox;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.inject.Singleton;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The faults tests have planned, per endpoint, consumed in the order they were planned: a fault
 * planned for the next N requests is used up by them, one planned "always" stays until cleared.
 */
@Singleton
@IfBuildProperty(name = "flowgate.sandbox.enabled", stringValue = "true")
public class FaultPlan {

    private static final int ALWAYS = -1;

    private final Map<Endpoint, Deque<Planned>> plans = new EnumMap<>(Endpoint.class);
    private final Map<String, Map<Endpoint, Fault>> perSession = new HashMap<>();

    public synchronized void next(Endpoint endpoint, int times, Fault fault) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1");
        }
        queue(endpoint).addLast(new Planned(fault, times));
    }

    public synchronized void always(Endpoint endpoint, Fault fault) {
        queue(endpoint).addLast(new Planned(fault, ALWAYS));
    }

    /** Every request to the endpoint about that session shows the fault, before any other plan, until cleared. */
    public synchronized void forSession(String sessionId, Endpoint endpoint, Fault fault) {
        perSession.computeIfAbsent(sessionId, id -> new EnumMap<>(Endpoint.class)).put(endpoint, fault);
    }

    /** The fault a request about {@code sessionId} (null: none named) must show, if any. */
    public synchronized Optional<Fault> take(Endpoint endpoint, String sessionId) {
        Fault planned = sessionId == null ? null : perSession.getOrDefault(sessionId, Map.of()).get(endpoint);
        return planned != null ? Optional.of(planned) : take(endpoint);
    }

    /** The fault this request must show, if any; counts it against its plan. */
    public synchronized Optional<Fault> take(Endpoint endpoint) {
        Deque<Planned> queue = queue(endpoint);
        Planned head = queue.pollFirst();
        if (head == null) {
            return Optional.empty();
        }
        if (head.remaining() == ALWAYS) {
            queue.addFirst(head);
        } else if (head.remaining() > 1) {
            queue.addFirst(new Planned(head.fault(), head.remaining() - 1));
        }
        return Optional.of(head.fault());
    }

    public synchronized void clear() {
        plans.clear();
        perSession.clear();
    }

    private Deque<Planned> queue(Endpoint endpoint) {
        return plans.computeIfAbsent(endpoint, e -> new ArrayDeque<>());
    }

    private record Planned(Fault fault, int remaining) {
    }
}
