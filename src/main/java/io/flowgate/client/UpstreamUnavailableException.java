package io.flowgate.client;

/** The vendor could not be reached or did not answer usefully: worth trying again later. */
public class UpstreamUnavailableException extends UpstreamException {

    /** Why the vendor is taken as unavailable. */
    public enum Reason {
        /** It answered 5xx. */
        SERVER_ERROR,
        /** It answered 429. */
        RATE_LIMITED,
        /** No answer within the read timeout. */
        TIMEOUT,
        /** No connection could be made: the request never reached the vendor. */
        NOT_CONNECTED,
        /** The connection failed after the request may have reached the vendor (closed before an answer). */
        CONNECTION_FAILED,
        /** It answered, but not with what the contract promises. */
        MALFORMED_RESPONSE,
        /** No time was left in the invocation's budget for another attempt. */
        OUT_OF_TIME
    }

    private final Reason reason;

    public UpstreamUnavailableException(UpstreamOperation operation, Reason reason, int upstreamStatus) {
        super(operation, upstreamStatus, "The vendor is unavailable (" + describe(reason, upstreamStatus) + ") on "
                + operation.description());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    private static String describe(Reason reason, int status) {
        return switch (reason) {
            case SERVER_ERROR -> "HTTP " + status;
            case RATE_LIMITED -> "rate limited, HTTP 429";
            case TIMEOUT -> "no answer in time";
            case NOT_CONNECTED -> "no connection";
            case CONNECTION_FAILED -> "connection failed";
            case MALFORMED_RESPONSE -> "malformed answer";
            case OUT_OF_TIME -> "no time left to wait for it";
        };
    }
}
