package io.flowgate.flow.session;

/** No stored session answers to the id or reference asked for. */
public class SessionNotFoundException extends RuntimeException {

    public SessionNotFoundException(String what) {
        super("No session with that " + what + ".", null, false, false);
    }
}
