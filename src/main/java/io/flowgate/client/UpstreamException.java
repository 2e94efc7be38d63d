package io.flowgate.client;

/**
 * The vendor could not do what was asked. One of a few kinds, each answered differently by the
 * API; messages are ours and never carry the API key, the request URL or personal data.
 */
public abstract class UpstreamException extends RuntimeException {

    private final UpstreamOperation operation;
    private final int upstreamStatus;

    protected UpstreamException(UpstreamOperation operation, int upstreamStatus, String message) {
        super(message, null, false, false);
        this.operation = operation;
        this.upstreamStatus = upstreamStatus;
    }

    public UpstreamOperation operation() {
        return operation;
    }

    /** The vendor's HTTP status, or 0 when no answer came (timeout, connection failure). */
    public int upstreamStatus() {
        return upstreamStatus;
    }
}
