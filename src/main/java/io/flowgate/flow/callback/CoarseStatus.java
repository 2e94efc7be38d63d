package io.flowgate.flow.callback;

import io.flowgate.store.SessionStatus;

/** The status of a returning browser's session: completed, pending, expired or cancelled. */
public final class CoarseStatus {

    public static final String COMPLETED = "completed";
    public static final String PENDING = "pending";
    public static final String EXPIRED = "expired";
    /** Cancelled by the integrator: the browser is shown a page, never sent on with it. */
    public static final String CANCELLED = "cancelled";

    private CoarseStatus() {
    }

    static String of(SessionStatus status) {
        return switch (status) {
            case COMPLETED -> COMPLETED;
            case EXPIRED -> EXPIRED;
            case CANCELLED -> CANCELLED;
            case CREATED, PENDING -> PENDING;
        };
    }
}
