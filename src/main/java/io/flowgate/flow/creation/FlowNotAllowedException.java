package io.flowgate.flow.creation;

/** The caller named a flow that exists but that its token does not allow. */
public class FlowNotAllowedException extends RuntimeException {

    public FlowNotAllowedException() {
        super("This caller may not use that flow.", null, false, false);
    }
}
