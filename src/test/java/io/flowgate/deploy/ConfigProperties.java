package io.flowgate.deploy;

import io.flowgate.config.FlowgateConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The properties of {@link FlowgateConfig}, read from the interface by reflection: method names in
 * kebab case under the mapping's prefix, a map's key written {@code *}
 * ({@code flowgate.flows.*.api-key}), with their defaults.
 */
final class ConfigProperties {

    /** Property name → its {@code @WithDefault}, or null when it has none. */
    private final Map<String, String> defaults = new TreeMap<>();
    private final Set<String> required = new TreeSet<>();

    private ConfigProperties() {
    }

    static ConfigProperties ofFlowgate() {
        ConfigProperties properties = new ConfigProperties();
        properties.walk(FlowgateConfig.class, FlowgateConfig.class.getAnnotation(ConfigMapping.class).prefix(), false);
        return properties;
    }

    Set<String> names() {
        return defaults.keySet();
    }

    /** The properties without a default that must be set (outside maps, not optional). */
    Set<String> required() {
        return required;
    }

    String defaultOf(String property) {
        if (!defaults.containsKey(property)) {
            throw new IllegalArgumentException("No property " + property);
        }
        return defaults.get(property);
    }

    Duration defaultDuration(String property) {
        String value = defaultOf(property).toUpperCase();
        return Duration.parse(value.endsWith("D") ? "P" + value : "PT" + value);
    }

    /**
     * The property an environment variable sets, the Quarkus way backwards: {@code FLOWGATE_FLOWS_INDIVIDUALS_API_KEY}
     * is {@code flowgate.flows.individuals.api-key}; empty when it names none.
     */
    Optional<String> propertyOf(String environmentVariable) {
        for (String name : names()) {
            Matcher match = environmentPattern(name).matcher(environmentVariable);
            if (match.matches()) {
                return Optional.of(match.groupCount() == 0 ? name
                        : name.replace("*", match.group(1).toLowerCase()));
            }
        }
        return Optional.empty();
    }

    /** {@code flowgate.flows.*.api-key} → {@code FLOWGATE_FLOWS_([A-Z0-9_]+)_API_KEY}. */
    static Pattern environmentPattern(String property) {
        StringBuilder pattern = new StringBuilder();
        for (String part : property.split("\\*", -1)) {
            if (!pattern.isEmpty()) {
                pattern.append("([A-Z0-9_]+)");
            }
            pattern.append(Pattern.quote(part.toUpperCase().replaceAll("[^A-Z0-9]", "_")));
        }
        return Pattern.compile(pattern.toString());
    }

    private void walk(Class<?> group, String prefix, boolean inMap) {
        for (Method method : group.getMethods()) {
            if (method.isDefault() || java.lang.reflect.Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            WithName withName = method.getAnnotation(WithName.class);
            String name = prefix + "." + (withName != null ? withName.value() : kebab(method.getName()));
            Class<?> type = method.getReturnType();
            if (type == Map.class && isGroup(typeArgument(method.getGenericReturnType(), 1))) {
                walk((Class<?>) typeArgument(method.getGenericReturnType(), 1), name + ".*", true);
            } else if (isGroup(type)) {
                walk(type, name, inMap);
            } else {
                WithDefault withDefault = method.getAnnotation(WithDefault.class);
                defaults.put(name, withDefault == null ? null : withDefault.value());
                if (withDefault == null && type != Optional.class && !inMap) {
                    required.add(name);
                }
            }
        }
    }

    private static boolean isGroup(Type type) {
        return type instanceof Class<?> c && c.isInterface() && c.getName().startsWith("io.flowgate.");
    }

    private static Type typeArgument(Type type, int index) {
        return ((ParameterizedType) type).getActualTypeArguments()[index];
    }

    static String kebab(String camelCase) {
        return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }
}
