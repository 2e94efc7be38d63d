package io.flowgate.sandbox;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks the types in a create request's {@code metadata} the way a Django REST Framework serializer
 * would, and takes out the prefilled IIN and phone and the interchangeable technologies. Unknown keys are ignored; values are checked for
 * their type only, and no message repeats a value (they are personal data).
 *
 * @param errors  one message per fault, each naming the field by its path inside {@code metadata}
 *                (none for {@code metadata} itself); empty if the metadata is fine
 * @param prefill what {@code edocument.iin.value} and {@code edocument.phone.value} held
 * @param interchangeable what {@code general.interchangeable_tech} held; empty when absent
 */
record SessionMetadata(List<String> errors, SandboxSession.Prefill prefill, List<String> interchangeable) {

    static SessionMetadata check(JsonObject body) {
        Checker checker = new Checker();
        JsonObject metadata = checker.object(body, "metadata", "");
        if (metadata == null) {
            return new SessionMetadata(checker.errors, SandboxSession.Prefill.NONE, List.of());
        }
        JsonObject face2face = checker.object(metadata, "face2face", "face2face");
        if (face2face != null) {
            checker.string(face2face, "photo1", "face2face.photo1");
        }
        Optional<String> iin = Optional.empty();
        Optional<String> phone = Optional.empty();
        JsonObject edocument = checker.object(metadata, "edocument", "edocument");
        if (edocument != null) {
            iin = checker.prefilled(edocument, "iin", "edocument.iin");
            phone = checker.prefilled(edocument, "phone", "edocument.phone");
            checker.bool(edocument, "skip_input", "edocument.skip_input");
        }
        List<String> interchangeable = List.of();
        JsonObject general = checker.object(metadata, "general", "general");
        if (general != null) {
            interchangeable = checker.stringList(general, "interchangeable_tech", "general.interchangeable_tech");
        }
        return new SessionMetadata(List.copyOf(checker.errors), new SandboxSession.Prefill(iin, phone),
                interchangeable);
    }

    /** Python's name of a JSON value's type, as DRF's messages show it. */
    static String pythonType(Object value) {
        if (value == null) {
            return "NoneType";
        }
        if (value instanceof JsonObject) {
            return "dict";
        }
        if (value instanceof JsonArray) {
            return "list";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger) {
            return "int";
        }
        return value instanceof Number ? "float" : "str";
    }

    private static final class Checker {
        private final List<String> errors = new ArrayList<>();

        /** The object under {@code key}, or null if absent or faulty (a fault is noted). */
        JsonObject object(JsonObject parent, String key, String path) {
            if (!parent.containsKey(key)) {
                return null;
            }
            Object value = parent.getValue(key);
            if (value instanceof JsonObject object) {
                return object;
            }
            fault(path, value == null ? "This field may not be null."
                    : "Expected a dictionary of items but got type \"" + pythonType(value) + "\".");
            return null;
        }

        Optional<String> string(JsonObject parent, String key, String path) {
            if (!parent.containsKey(key)) {
                return Optional.empty();
            }
            Object value = parent.getValue(key);
            if (value instanceof String text) {
                return Optional.of(text);
            }
            fault(path, value == null ? "This field may not be null." : "Not a valid string.");
            return Optional.empty();
        }

        void bool(JsonObject parent, String key, String path) {
            if (parent.containsKey(key) && !(parent.getValue(key) instanceof Boolean)) {
                fault(path, parent.getValue(key) == null ? "This field may not be null." : "Must be a valid boolean.");
            }
        }

        Optional<String> prefilled(JsonObject edocument, String key, String path) {
            JsonObject field = object(edocument, key, path);
            if (field == null) {
                return Optional.empty();
            }
            bool(field, "changeable", path + ".changeable");
            return string(field, "value", path + ".value");
        }

        /** The list of strings under {@code key}; empty if absent or faulty (a fault is noted). */
        List<String> stringList(JsonObject parent, String key, String path) {
            if (!parent.containsKey(key)) {
                return List.of();
            }
            Object value = parent.getValue(key);
            if (!(value instanceof JsonArray list)) {
                fault(path, value == null ? "This field may not be null."
                        : "Expected a list of items but got type \"" + pythonType(value) + "\".");
                return List.of();
            }
            List<String> strings = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                if (list.getValue(i) instanceof String text) {
                    strings.add(text);
                } else {
                    fault(path + "[" + i + "]", "Not a valid string.");
                }
            }
            return strings.size() == list.size() ? List.copyOf(strings) : List.of();
        }

        private void fault(String path, String message) {
            errors.add(path.isEmpty() ? message : path + ": " + message);
        }
    }
}
