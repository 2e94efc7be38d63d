package io.flowgate.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem-details body ({@code application/problem+json}), with our {@code code}
 * (stable, machine-readable) and {@code field} (the request field at fault, when there is one).
 * Never carries personal data, secrets or stack traces.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String code, String field) {

    public static final String MEDIA_TYPE = "application/problem+json";

    static Problem of(int status, String title, String code, String detail, String field) {
        return new Problem("urn:flowgate:problem:" + code, title, status, detail, code, field);
    }
}
