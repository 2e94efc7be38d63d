package io.flowgate.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One session of the sandbox. Holds the API key and prefilled personal data: never logged
 * ({@link #toString()} shows the id only).
 *
 * @param flowName        the sandbox flow it was created for
 * @param apiKey          the key it was created with; the only key that may read it
 * @param technologies    the flow's technology codes, in order
 * @param outcomes        what the person did with each technology; empty until the flow is completed
 * @param interchangeable the create request's {@code metadata.general.interchangeable_tech}: technologies that may
 *                        replace each other (one group), empty when none was given
 * @param substitutes     for a technology of the flow the person passed another member of the group instead of,
 *                        that member's code; the outcome of the technology is then the substitute's
 */
public record SandboxSession(
        String id,
        String flowName,
        String apiKey,
        List<String> technologies,
        Instant createdAt,
        Prefill prefill,
        Map<String, Outcome> outcomes,
        List<String> interchangeable,
        Map<String, String> substitutes) {

    public SandboxSession {
        technologies = List.copyOf(technologies);
        outcomes = Map.copyOf(outcomes);
        interchangeable = List.copyOf(interchangeable);
        substitutes = Map.copyOf(substitutes);
    }

    /** A session without interchangeable technologies. */
    public SandboxSession(String id, String flowName, String apiKey, List<String> technologies, Instant createdAt,
            Prefill prefill, Map<String, Outcome> outcomes) {
        this(id, flowName, apiKey, technologies, createdAt, prefill, outcomes, List.of(), Map.of());
    }

    public boolean completed() {
        return !outcomes.isEmpty();
    }

    /** Whether the person went through the technology (passed or failed it, or its substitute). */
    public boolean wentThrough(String technology) {
        Outcome outcome = outcomes.get(technology);
        return outcome == Outcome.PASS || outcome == Outcome.FAIL;
    }

    /** The code the person went through for a technology of the flow: its substitute, or itself. */
    public String taken(String technology) {
        return substitutes.getOrDefault(technology, technology);
    }

    /**
     * The members of the interchangeable group the person may pass instead of a technology of the flow: the others
     * the sandbox knows (it has a result for them), in the group's order; none for a technology outside the group.
     */
    public List<String> alternatives(String technology) {
        if (interchangeable.stream().noneMatch(code -> same(code, technology))) {
            return List.of();
        }
        return interchangeable.stream().filter(code -> !same(code, technology))
                .filter(code -> Technology.of(code).isPresent()).distinct().toList();
    }

    private static boolean same(String code, String other) {
        return code.toUpperCase(Locale.ROOT).equals(other.toUpperCase(Locale.ROOT));
    }

    SandboxSession withOutcomes(Map<String, Outcome> newOutcomes, Map<String, String> newSubstitutes) {
        return new SandboxSession(id, flowName, apiKey, technologies, createdAt, prefill, newOutcomes, interchangeable,
                newSubstitutes);
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
