package io.flowgate.flow.session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which results a session needs, given its technologies and the groups of technologies its caller said may replace
 * each other ({@code interchangeableTech}). Each technology of the session in no group needs its own result; a group
 * that holds a technology of the session needs the result of any one of its members, whether or not that member is
 * among the session's technologies. A code whose result field flowgate does not know ({@link ResultFields}) needs
 * nothing and satisfies nothing; a group none of whose members with a known field is a technology of the session
 * needs nothing. Codes compare without regard to case.
 */
public final class RequiredResults {

    private RequiredResults() {
    }

    /**
     * Whether the results received (the vendor's result fields present) complete the session: every requirement is
     * met, and something at all was received when nothing is required.
     */
    public static boolean complete(List<String> technologies, List<List<String>> groups, Set<String> received) {
        List<Set<String>> required = requirements(technologies, groups);
        boolean met = required.stream().allMatch(fields -> fields.stream().anyMatch(received::contains));
        return met && (!required.isEmpty() || !received.isEmpty());
    }

    /**
     * The technologies of the session whose result is absent because a member of their group gave one instead: each
     * with the code of the first such member, in the session's order.
     */
    public static Map<String, String> replacements(List<String> technologies, List<List<String>> groups,
            Set<String> received) {
        Map<String, String> replaced = new LinkedHashMap<>();
        for (String technology : technologies) {
            Optional<String> field = ResultFields.forTechnology(technology);
            if (field.isEmpty() || received.contains(field.get())) {
                continue;
            }
            groups.stream().filter(group -> holds(group, technology)).flatMap(List::stream)
                    .filter(member -> ResultFields.forTechnology(member).filter(received::contains).isPresent())
                    .findFirst()
                    .ifPresent(substitute -> replaced.put(technology, substitute));
        }
        return replaced;
    }

    /** The result fields absent because their technology was replaced ({@link #replacements}). */
    public static Set<String> replacedFields(List<String> technologies, List<List<String>> groups,
            Set<String> received) {
        return Set.copyOf(replacements(technologies, groups, received).keySet().stream()
                .map(ResultFields::forTechnology).flatMap(Optional::stream).toList());
    }

    /** Each requirement as the result fields any one of which meets it. */
    private static List<Set<String>> requirements(List<String> technologies, List<List<String>> groups) {
        List<Set<String>> required = new ArrayList<>();
        for (List<String> group : groups) {
            boolean ofTheSession = technologies.stream().anyMatch(technology ->
                    ResultFields.forTechnology(technology).isPresent() && holds(group, technology));
            if (ofTheSession) {
                required.add(Set.copyOf(fields(group)));
            }
        }
        for (String technology : technologies) {
            if (groups.stream().noneMatch(group -> holds(group, technology))) {
                ResultFields.forTechnology(technology).ifPresent(field -> required.add(Set.of(field)));
            }
        }
        return required;
    }

    private static List<String> fields(List<String> codes) {
        return codes.stream().map(ResultFields::forTechnology).flatMap(Optional::stream).distinct().toList();
    }

    private static boolean holds(List<String> group, String technology) {
        String code = technology.toUpperCase(Locale.ROOT);
        return group.stream().anyMatch(member -> member.toUpperCase(Locale.ROOT).equals(code));
    }
}
