package io.flowgate.flow.webhook;

/** A webhook request that the session's state does not allow now; answered 409 with {@code code}. */
public class WebhookConflictException extends RuntimeException {

    private final String code;

    public WebhookConflictException(String code, String detail) {
        super(detail, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
