package io.flowgate.flow.request;

/**
 * A caller's request broke a rule, found before anything was stored or sent upstream. Answered
 * as 400 with {@code code} and {@code field}. The detail explains the rule and never repeats the
 * value that broke it (it may be personal data).
 */
public class InvalidRequestException extends RuntimeException {

    private final String code;
    private final String field;

    public InvalidRequestException(String code, String field, String detail) {
        super(detail, null, false, false);
        this.code = code;
        this.field = field;
    }

    /** Machine-readable, stable: e.g. {@code invalid_iin}. */
    public String code() {
        return code;
    }

    /** The request field at fault, as the caller named it (e.g. {@code prefill.iin.value}); may be null. */
    public String field() {
        return field;
    }
}
