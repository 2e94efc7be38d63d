package io.flowgate.client;

/**
 * The vendor refused the request itself (400/422). {@link #vendorMessage()} is the vendor's own
 * explanation, already cleared of anything that looks like personal data.
 */
public class UpstreamRequestRejectedException extends UpstreamException {

    private final String vendorMessage;

    public UpstreamRequestRejectedException(UpstreamOperation operation, int upstreamStatus, String vendorMessage) {
        super(operation, upstreamStatus, "The vendor rejected the request (HTTP " + upstreamStatus + ") on "
                + operation.description() + ": " + vendorMessage);
        this.vendorMessage = vendorMessage;
    }

    public String vendorMessage() {
        return vendorMessage;
    }
}
