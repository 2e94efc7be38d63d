package io.flowgate.functions;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.flowgate.flow.request.InvalidRequestException;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Binds a function's JSON body to its input record strictly: unknown fields and wrong types are
 * refused with the field's path. Functions take the body as a {@link JsonNode} so that these
 * errors are ours to word (never echoing the value) rather than the framework's.
 */
final class JsonInput {

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
    private static final Pattern DIGIT_RUN = Pattern.compile("\\d{4}");

    private JsonInput() {
    }

    static <T> T read(JsonNode body, Class<T> type) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            throw new InvalidRequestException("missing_body", null, "The request needs a JSON object body.");
        }
        if (!body.isObject()) {
            throw new InvalidRequestException("malformed_request", null, "The body must be a JSON object.");
        }
        try {
            return STRICT.treeToValue(body, type);
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidRequestException("unknown_field", path(e),
                    "Unknown field; see the function's documentation for its fields.");
        } catch (MismatchedInputException e) {
            throw new InvalidRequestException("invalid_field_type", path(e),
                    "Expected " + describe(e.getTargetType()) + ".");
        } catch (IOException e) {
            throw new InvalidRequestException("malformed_request", null, "The body could not be read.");
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(safeName(reference.getFieldName()));
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }

    /** A field name as the caller sent it, unless it could be data (digits, odd characters) rather than a name. */
    private static String safeName(String name) {
        return FIELD_NAME.matcher(name).matches() && !DIGIT_RUN.matcher(name).find() ? name : "(unnamed)";
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "a different JSON type";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        return "an object";
    }
}
