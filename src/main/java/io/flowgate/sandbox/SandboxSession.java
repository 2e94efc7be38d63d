package io.flowgate.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One session of the sandbox. Holds the API key and prefilled personal data: never logged
 * ({@link #toString()} shows the id only).
 *
 * @param flowName     the sandbox flow it was created for
 * @param apiKey       the key it was created with; the only key that may read it
 * @param technologies the flow's technology codes, in order
 * @param outcomes     what the person did with each technology; empty until the flow is completed
 */
public record SandboxSession(
        String id,
        String flowName,
        String apiKey,
        List<String> technologies,
        Instant createdAt,
        Prefill prefill,
        Map<String, Outcome> outcomes) {

    public SandboxSession {
        technologies = List.copyOf(technologies);
        outcomes = Map.copyOf(outcomes);
    }

    public boolean completed() {
        return !outcomes.isEmpty();
    }

    /** Whether the person went through the technology (passed or failed it). */
    public boolean wentThrough(String technology) {
        Outcome outcome = outcomes.get(technology);
        return outcome == Outcome.PASS || outcome == Outcome.FAIL;
    }

    SandboxSession withOutcomes(Map<String, Outcome> newOutcomes) {
        return new SandboxSession(id, flowName, apiKey, technologies, createdAt, prefill, newOutcomes);
    }

    @Override
    public String toString() {
        return "SandboxSession[" + id + "]";
    }

    /** The IIN and phone the integrator prefilled in the create request's {@code metadata.edocument}, if any. */
    public record Prefill(Optional<String> iin, Optional<String> phone) {
        public static final Prefill NONE = new Prefill(Optional.empty(), Optional.empty());

        @Override
        public String toString() {
            return "Prefill[...]";
        }
    }
}
