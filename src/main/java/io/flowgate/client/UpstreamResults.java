package io.flowgate.client;

import io.flowgate.client.generated.model.SessionResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Maps the generated result model to {@link UpstreamResult}, accepting both shapes of technologies. */
final class UpstreamResults {

    private UpstreamResults() {
    }

    static UpstreamResult normalise(SessionResult result) {
        Map<String, Map<String, Object>> results = new LinkedHashMap<>();
        putIfPresent(results, "liveness_result", result.getLivenessResult());
        putIfPresent(results, "face2face_result", result.getFace2faceResult());
        putIfPresent(results, "edocument_result", result.getEdocumentResult());
        putIfPresent(results, "document_recognition_result", result.getDocumentRecognitionResult());
        return new UpstreamResult(result.getId(), technologies(result.getTechnologies()), results);
    }

    private static List<UpstreamTechnology> technologies(List<Object> items) {
        List<UpstreamTechnology> technologies = new ArrayList<>();
        if (items == null) {
            return technologies;
        }
        for (Object item : items) {
            if (item instanceof String code) {
                technologies.add(new UpstreamTechnology(code, null, null));
            } else if (item instanceof Map<?, ?> object) {
                technologies.add(new UpstreamTechnology(text(object.get("code")), text(object.get("name")),
                        text(object.get("description"))));
            }
        }
        return technologies;
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static void putIfPresent(Map<String, Map<String, Object>> results, String field, Map<String, Object> value) {
        if (value != null) {
            results.put(field, value);
        }
    }
}
