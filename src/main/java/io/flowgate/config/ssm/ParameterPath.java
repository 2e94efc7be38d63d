package io.flowgate.config.ssm;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * An SSM path whose parameters are flowgate's configuration, and the rule from a parameter's name to a property:
 * its name relative to the path, {@code /} read as {@code .}, after {@code flowgate.}. So
 * {@code /flowgate/prod/flows/individuals/api-key} under {@code /flowgate/prod/} is
 * {@code flowgate.flows.individuals.api-key}. Only {@code flowgate.*} can be set this way.
 */
public record ParameterPath(String path) {

    /** What SSM allows in a path: {@code /}, then letters, digits and {@code _.-/}. */
    private static final Pattern VALID = Pattern.compile("/[A-Za-z0-9_./-]*");

    /** {@code path} with the trailing {@code /} it may lack; refused (naming the property) if it is not a path. */
    public static ParameterPath of(String path) {
        String trimmed = path.strip();
        if (!VALID.matcher(trimmed).matches() || trimmed.contains("//")) {
            throw new IllegalArgumentException("flowgate.ssm.path (FLOWGATE_SSM_PATH) must be an SSM path such as "
                    + "/flowgate/prod/: a / followed by letters, digits and _.-/");
        }
        return new ParameterPath(trimmed.endsWith("/") ? trimmed : trimmed + "/");
    }

    /** The property the parameter {@code name} (its full name, as SSM answers it) sets; empty if it is not under the path. */
    public Optional<String> propertyOf(String name) {
        if (!name.startsWith(path) || name.length() == path.length()) {
            return Optional.empty();
        }
        return Optional.of("flowgate." + name.substring(path.length()).replace('/', '.'));
    }

    /**
     * The properties that {@code parameters} (full name to value) set. Refuses, naming them, a parameter outside the
     * path and two parameters that would set the same property; never a value.
     */
    public Map<String, String> properties(Map<String, String> parameters) {
        Map<String, String> properties = new TreeMap<>();
        Map<String, String> source = new TreeMap<>();
        parameters.forEach((name, value) -> {
            String property = propertyOf(name).orElseThrow(() -> new IllegalStateException(
                    "SSM answered the parameter " + name + ", which is not under " + path));
            String other = source.putIfAbsent(property, name);
            if (other != null) {
                throw new IllegalStateException("the SSM parameters " + other + " and " + name + " both set " + property
                        + ": remove one");
            }
            properties.put(property, value);
        });
        return properties;
    }

    @Override
    public String toString() {
        return path;
    }
}
