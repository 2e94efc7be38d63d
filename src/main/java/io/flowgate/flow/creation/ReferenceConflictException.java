package io.flowgate.flow.creation;

/**
 * A {@code createSession} names a reference that is held for another request: one with other parameters
 * ({@code inProgress} false), or the same one whose session is still being created ({@code inProgress} true).
 */
public class ReferenceConflictException extends RuntimeException {

    private final boolean inProgress;

    private ReferenceConflictException(String message, boolean inProgress) {
        super(message, null, false, false);
        this.inProgress = inProgress;
    }

    static ReferenceConflictException otherParameters() {
        return new ReferenceConflictException(
                "This reference belongs to a live session created with other parameters.", false);
    }

    static ReferenceConflictException stillCreating() {
        return new ReferenceConflictException(
                "A session for this reference is still being created; try again in a moment.", true);
    }

    public boolean inProgress() {
        return inProgress;
    }
}
