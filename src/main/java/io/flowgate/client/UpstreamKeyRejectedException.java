package io.flowgate.client;

/** The vendor refused the flow's API key (401/403): a configuration problem, not the caller's. */
public class UpstreamKeyRejectedException extends UpstreamException {

    public UpstreamKeyRejectedException(UpstreamOperation operation, int upstreamStatus) {
        super(operation, upstreamStatus,
                "The vendor rejected the flow's API key (HTTP " + upstreamStatus + ") on " + operation.description());
    }
}
