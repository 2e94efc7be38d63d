package io.flowgate.store;

/**
 * Where a session stands. It only moves forward: CREATED, then PENDING, then one of the final statuses COMPLETED,
 * EXPIRED or CANCELLED.
 */
public enum SessionStatus {
    /** Created at the vendor; the person has not come back yet. */
    CREATED,
    /** Some technologies have their results, not all. */
    PENDING,
    /** Every technology has its result. */
    COMPLETED,
    /** The session's lifetime ran out with results missing. */
    EXPIRED,
    /** The integrator cancelled it (cancelSession) before it was final: never collected again. */
    CANCELLED
}
