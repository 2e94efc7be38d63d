package io.flowgate.flow.decision;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One condition over the vendor's raw results: {@code <json-pointer> <operator> [<json-value>]}, e.g.
 * {@code /face2face_result/similarity >= 0.8}, {@code /liveness_result/is_live == true},
 * {@code /document_recognition_result/document_number exists}. Operators: {@code == != > >= < <=}
 * (numbers compare as numbers, anything else by JSON equality) and {@code exists}, {@code absent}.
 */
public final class DecisionRule {

    private static final Pattern SYNTAX = Pattern.compile("\\s*(/\\S*)\\s+(==|!=|>=|<=|>|<|exists|absent)\\s*(.*?)\\s*");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String text;
    private final JsonPointer pointer;
    private final String operator;
    private final JsonNode value;

    private DecisionRule(String text, JsonPointer pointer, String operator, JsonNode value) {
        this.text = text;
        this.pointer = pointer;
        this.operator = operator;
        this.value = value;
    }

    /** @throws IllegalArgumentException naming what is wrong with the rule (rules are configuration, not personal data) */
    public static DecisionRule parse(String text) {
        Matcher matcher = SYNTAX.matcher(Objects.requireNonNull(text, "rule"));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("decision rule '" + text + "' is not '<json-pointer> <operator> <value>'");
        }
        String operator = matcher.group(2);
        boolean unary = operator.equals("exists") || operator.equals("absent");
        String literal = matcher.group(3);
        if (unary != literal.isEmpty()) {
            throw new IllegalArgumentException("decision rule '" + text + "': " + (unary
                    ? "'" + operator + "' takes no value" : "'" + operator + "' needs a JSON value"));
        }
        try {
            JsonNode value = unary ? null : JSON.readTree(literal);
            return new DecisionRule(text.strip(), JsonPointer.compile(matcher.group(1)), operator, value);
        } catch (Exception e) {
            throw new IllegalArgumentException("decision rule '" + text + "': the value is not a JSON literal "
                    + "(strings need double quotes)");
        }
    }

    /** Whether the rule holds for the results document ({@code {"liveness_result": {...}, ...}}). */
    public boolean holds(JsonNode results) {
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

    @Override
    public String toString() {
        return text;
    }
}
