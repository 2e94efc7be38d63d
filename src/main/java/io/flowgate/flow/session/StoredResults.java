package io.flowgate.flow.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The vendor's results as flowgate keeps them: one JSON object from result field name
 * ({@code liveness_result}, ...) to that result, verbatim.
 */
public final class StoredResults {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private StoredResults() {
    }

    public static Map<String, Object> read(String resultJson) {
        if (resultJson == null) {
            return new LinkedHashMap<>();
        }
        try {
            return JSON.readValue(resultJson, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored result is not JSON");
        }
    }

    public static String write(Map<String, Object> results) {
        try {
            return JSON.writeValueAsString(results);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A result could not be written as JSON");
        }
    }

    public static JsonNode tree(Map<String, Object> results) {
        return JSON.valueToTree(results);
    }
}
