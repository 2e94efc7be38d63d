package io.flowgate.client;

/**
 * Hears of every call (each attempt) {@link FlowRemoteClient} makes to the vendor, when it ends: the domain's metrics
 * implement it, so that the client depends on nothing above it.
 */
public interface UpstreamCallListener {

    /**
     * @param operation the call
     * @param outcome {@code ok}, or the failure: {@code server_error}, {@code rate_limited}, {@code timeout},
     *        {@code not_connected}, {@code connection_failed}, {@code malformed_response}, {@code key_rejected},
     *        {@code request_rejected} or {@code session_unknown}
     * @param vendorFault whether the vendor failed the call (anything but {@code ok}, {@code request_rejected} and
     *        {@code session_unknown}, which are answers about the request)
     * @param elapsedMs how long the attempt took
     */
    void called(UpstreamOperation operation, String outcome, boolean vendorFault, long elapsedMs);
}
