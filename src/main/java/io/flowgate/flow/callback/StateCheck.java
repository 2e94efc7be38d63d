package io.flowgate.flow.callback;

import java.time.Instant;

/** What {@link StateTokens#verify(String)} found in a state token. */
public sealed interface StateCheck {

    /** Signed by us, not expired. */
    record Valid(String sessionId, Instant expiresAt) implements StateCheck {
    }

    /** Signed by us, but the time to come back is over. */
    record Expired(String sessionId) implements StateCheck {
    }

    /** Not a token we issued: malformed, altered, signed with another secret, or of another version. */
    record Invalid() implements StateCheck {
    }
}
