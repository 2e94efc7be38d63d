package io.flowgate.flow.session;

import io.flowgate.store.SessionRecord;
import java.util.Objects;
import java.util.Set;

/**
 * Who is calling an integrator-facing function, and which flows it may use.
 *
 * @param name the caller's name from configuration (not a secret; it appears in logs)
 * @param flows the flows it may use; ignored when {@code everyFlow}
 * @param everyFlow whether it may use every flow
 */
public record Caller(String name, Set<String> flows, boolean everyFlow) {

    public Caller {
        Objects.requireNonNull(name, "name");
        flows = Set.copyOf(flows);
    }

    /** A caller limited to the named flows; {@code *} among them means every flow. */
    public static Caller of(String name, Iterable<String> flows) {
        Set<String> named = new java.util.HashSet<>();
        flows.forEach(named::add);
        return new Caller(name, named, named.contains("*"));
    }

    /** A caller inside flowgate itself (the dev demo), which may use every flow. */
    public static Caller internal(String name) {
        return new Caller(name, Set.of(), true);
    }

    public boolean mayUse(String flow) {
        return everyFlow || flows.contains(flow);
    }

    /**
     * Whether this caller may see and act on {@code session}: one it created, of a flow it may still use. Sessions
     * belong to their caller, as their references do; a session stored before callers were recorded belongs to
     * every caller of its flow.
     */
    public boolean owns(SessionRecord session) {
        return mayUse(session.flow()) && (session.caller() == null || session.caller().equals(name));
    }
}
