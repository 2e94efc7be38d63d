package io.flowgate.flow.session;

/**
 * A request the session's state does not allow now (redacting an unfinished session, reviewing one not in review,
 * ...); answered 409 with {@code code}. The message says what to do, never anything of the session's data.
 */
public class SessionConflictException extends RuntimeException {

    private final String code;

    public SessionConflictException(String code, String detail) {
        super(detail, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
