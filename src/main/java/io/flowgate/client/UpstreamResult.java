package io.flowgate.client;

import java.util.List;
import java.util.Map;

/**
 * A session's result as the vendor gave it. {@code results} maps the vendor's field name
 * ({@code liveness_result}, {@code face2face_result}, ...) to its object, kept verbatim: present
 * only for the technologies the person went through. Personal data: never log it.
 */
public record UpstreamResult(String sessionId, List<UpstreamTechnology> technologies,
        Map<String, Map<String, Object>> results) {
}
