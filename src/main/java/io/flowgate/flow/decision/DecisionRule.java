package io.flowgate.flow.decision;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One condition over the vendor's raw results: {@code <json-pointer> <operator> [<json-value>]}, e.g.
 * {@code /face2face_result/similarity >= 0.8}, {@code /liveness_result/is_live == true},
 * {@code /document_recognition_result/document_number exists}. Operators: {@code == != > >= < <=}
 * (numbers compare as numbers, anything else by JSON equality) and {@code exists}, {@code absent}.
 * <p>
 * A rule may name alternatives separated by {@code ||} (outside JSON strings), e.g.
 * {@code /edocument_result/is_verified == true || /document_recognition_result/is_recognized == true}: it holds
 * when any of them holds. An alternative over the result of a technology that a substitute replaced (its pointer
 * starts with that result field: see {@link #verdict}) is left out; a rule with nothing left is not applicable.
 */
public final class DecisionRule {

    private static final Pattern SYNTAX = Pattern.compile("\\s*(/\\S*)\\s+(==|!=|>=|<=|>|<|exists|absent)\\s*(.*?)\\s*");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a rule makes of a session's results. */
    public enum Verdict {
        HOLDS,
        FAILS,
        /** Every alternative is over a result that a substitute replaced: the rule says nothing. */
        NOT_APPLICABLE
    }

    private final String text;
    private final List<Condition> alternatives;

    private DecisionRule(String text, List<Condition> alternatives) {
        this.text = text;
        this.alternatives = List.copyOf(alternatives);
    }

    /** @throws IllegalArgumentException naming what is wrong with the rule (rules are configuration, not personal data) */
    public static DecisionRule parse(String text) {
        Objects.requireNonNull(text, "rule");
        List<Condition> alternatives = new ArrayList<>();
        for (String alternative : alternatives(text)) {
            alternatives.add(Condition.parse(alternative));
        }
        return new DecisionRule(text.strip(), alternatives);
    }

    /** Whether the rule holds for the results document ({@code {"liveness_result": {...}, ...}}). */
    public boolean holds(JsonNode results) {
        return verdict(results, Set.of()) == Verdict.HOLDS;
    }

    /**
     * The rule on the results document, leaving out the alternatives over a result field in {@code replaced}: the
     * results that are absent because a substitute's came instead.
     */
    public Verdict verdict(JsonNode results, Set<String> replaced) {
        List<Condition> applicable = alternatives.stream()
                .filter(condition -> !replaced.contains(condition.resultField()) || present(results, condition))
                .toList();
        if (applicable.isEmpty()) {
            return Verdict.NOT_APPLICABLE;
        }
        return applicable.stream().anyMatch(condition -> condition.holds(results)) ? Verdict.HOLDS : Verdict.FAILS;
    }

    private static boolean present(JsonNode results, Condition condition) {
        return results.has(condition.resultField());
    }

    /** The rule's text split at each {@code ||} outside a JSON string. */
    private static List<String> alternatives(String text) {
        List<String> parts = new ArrayList<>();
        boolean inString = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString && c == '\\') {
                i++;
            } else if (c == '"') {
                inString = !inString;
            } else if (!inString && c == '|' && i + 1 < text.length() && text.charAt(i + 1) == '|') {
                parts.add(text.substring(start, i));
                start = i + 2;
                i++;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    @Override
    public String toString() {
        return text;
    }

    /** One alternative of a rule. */
    private record Condition(String text, JsonPointer pointer, String operator, JsonNode value) {

        static Condition parse(String text) {
            Matcher matcher = SYNTAX.matcher(text);
            if (!matcher.matches()) {
                throw new IllegalArgumentException("decision rule '" + text.strip()
                        + "' is not '<json-pointer> <operator> <value>'");
            }
            String operator = matcher.group(2);
            boolean unary = operator.equals("exists") || operator.equals("absent");
            String literal = matcher.group(3);
            if (unary != literal.isEmpty()) {
                throw new IllegalArgumentException("decision rule '" + text.strip() + "': " + (unary
                        ? "'" + operator + "' takes no value" : "'" + operator + "' needs a JSON value"));
            }
            try {
                JsonNode value = unary ? null : JSON.readTree(literal);
                return new Condition(text.strip(), JsonPointer.compile(matcher.group(1)), operator, value);
            } catch (Exception e) {
                throw new IllegalArgumentException("decision rule '" + text.strip() + "': the value is not a JSON "
                        + "literal (strings need double quotes)");
            }
        }

        /** The top-level field of the results the pointer starts with ({@code liveness_result}, ...). */
        String resultField() {
            return pointer.getMatchingProperty();
        }

        boolean holds(JsonNode results) {
            JsonNode actual = results.at(pointer);
            boolean present = !actual.isMissingNode();
            return switch (operator) {
                case "exists" -> present && !actual.isNull();
                case "absent" -> !present || actual.isNull();
                case "==" -> present && same(actual);
                case "!=" -> !present || !same(actual);
                default -> present && actual.isNumber() && value.isNumber() && compares(actual.decimalValue()
                        .compareTo(value.decimalValue()));
            };
        }

        private boolean same(JsonNode actual) {
            if (actual.isNumber() && value.isNumber()) {
                return actual.decimalValue().compareTo(value.decimalValue()) == 0;
            }
            return actual.equals(value);
        }

        private boolean compares(int comparison) {
            return switch (operator) {
                case ">" -> comparison > 0;
                case ">=" -> comparison >= 0;
                case "<" -> comparison < 0;
                default -> comparison <= 0;
            };
        }
    }
}
