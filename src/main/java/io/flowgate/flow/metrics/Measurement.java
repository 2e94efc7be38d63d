package io.flowgate.flow.metrics;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One event's metrics: their values, the dimensions they are recorded under and the sets of those dimensions
 * CloudWatch aggregates them by (an empty set: in all). Dimension values name a flow, an endpoint, an outcome or a
 * function, never a session, a reference or anything of a person.
 *
 * @param dimensionSets each a list of keys of {@code dimensions}; an empty list aggregates over all of them
 * @param dimensions dimension name to value (kept in the order of their names)
 * @param values the metrics, in order
 */
public record Measurement(List<List<String>> dimensionSets, Map<String, String> dimensions, List<Value> values) {

    /** The units flowgate's metrics use (CloudWatch's names). */
    public enum Unit {
        COUNT("Count"), MILLISECONDS("Milliseconds");

        private final String cloudWatchName;

        Unit(String cloudWatchName) {
            this.cloudWatchName = cloudWatchName;
        }

        public String cloudWatchName() {
            return cloudWatchName;
        }
    }

    /** One metric's value. */
    public record Value(String name, long value, Unit unit) {
        public Value {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(unit, "unit");
        }
    }

    public Measurement {
        dimensionSets = dimensionSets.stream().map(List::copyOf).toList();
        dimensions = Collections.unmodifiableMap(new TreeMap<>(dimensions));
        values = List.copyOf(values);
        for (List<String> set : dimensionSets) {
            for (String key : set) {
                if (!dimensions.containsKey(key)) {
                    throw new IllegalArgumentException("dimension " + key + " has no value");
                }
            }
        }
    }

    /** The value of the named metric, or null when this measurement has none. */
    public Long value(String name) {
        return values.stream().filter(value -> value.name().equals(name)).map(Value::value).findFirst().orElse(null);
    }
}
