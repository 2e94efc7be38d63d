package io.flowgate.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem-details body ({@code application/problem+json}), with our {@code code}
 * (stable, machine-readable), {@code field} (the request field at fault, when there is one) and
 * {@code requestId} (the answer's {@code X-Request-Id}, which the log lines of the request carry).
 * Never carries personal data, secrets or stack traces.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String code, String field,
        String requestId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    static Problem of(int status, String title, String code, String detail, String field) {
        return new Problem("urn:flowgate:problem:" + code, title, status, detail, code, field, null);
    }

    /** This problem as the answer to the request {@code id} (none: null). */
    Problem withRequestId(String id) {
        return new Problem(type, title, status, detail, code, field, id);
    }
}
