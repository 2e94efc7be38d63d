package io.flowgate.flow.redaction;

/**
 * The session is redacted (its tombstone is stored), but its archived video could not be deleted yet; answered 503:
 * calling redactSession again deletes it.
 */
public class RedactionIncompleteException extends RuntimeException {

    public RedactionIncompleteException() {
        super("The session is redacted, but its archived video could not be deleted yet; call redactSession again.",
                null, false, false);
    }
}
