package io.flowgate.flow.session;

import io.flowgate.client.UpstreamKeyRejectedException;
import io.flowgate.client.UpstreamRequestRejectedException;
import io.flowgate.client.UpstreamSessionUnknownException;
import io.flowgate.client.UpstreamUnavailableException;

/**
 * Why a session ended final without every result, as the machine-readable {@code statusReason} of getResult and
 * the webhook, and why a collection failed, as kept on the session. Codes only, never a message (a message may
 * hold a URL or a key).
 */
public final class StatusReasons {

    /** The deadline passed and the vendor answered, without every result: the person did not finish. */
    public static final String ABANDONED = "abandoned";
    /** The deadline passed and the vendor refused the session: the flow's key was rejected, or the request. */
    public static final String VENDOR_REFUSED = "vendor_refused";
    /** The deadline passed and the vendor no longer knows the session. */
    public static final String VENDOR_SESSION_UNKNOWN = "vendor_session_unknown";
    /** The deadline passed while the vendor was unavailable (errors, timeouts, bad answers). */
    public static final String VENDOR_UNAVAILABLE = "vendor_unavailable";
    /** The deadline passed after the session's flow was removed from the configuration. */
    public static final String FLOW_REMOVED = "flow_removed";
    /** The deadline passed while collecting failed for another reason (see the logs by session id). */
    public static final String COLLECTION_FAILED = "collection_failed";

    private StatusReasons() {
    }

    /** The reason a collection that failed with {@code failure} gives. */
    public static String of(Throwable failure) {
        if (failure instanceof FlowNotConfiguredException) {
            return FLOW_REMOVED;
        }
        if (failure instanceof UpstreamKeyRejectedException || failure instanceof UpstreamRequestRejectedException) {
            return VENDOR_REFUSED;
        }
        if (failure instanceof UpstreamSessionUnknownException) {
            return VENDOR_SESSION_UNKNOWN;
        }
        if (failure instanceof UpstreamUnavailableException) {
            return VENDOR_UNAVAILABLE;
        }
        return COLLECTION_FAILED;
    }
}
