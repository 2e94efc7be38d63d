package io.flowgate.flow.session;

/** A stored session's flow was removed from the configuration while the session was open: its key is gone. */
public class FlowNotConfiguredException extends RuntimeException {

    public FlowNotConfiguredException() {
        super("This session's flow is no longer configured, so its result cannot be collected.", null, false, false);
    }
}
