package io.flowgate.flow.callback;

import io.flowgate.store.SessionStatus;

/** The status the browser may carry back to the integrator's page: completed, pending or expired. */
public final class CoarseStatus {

    public static final String COMPLETED = "completed";
    public static final String PENDING = "pending";
    public static final String EXPIRED = "expired";

    private CoarseStatus() {
    }

    static String of(SessionStatus status) {
        return switch (status) {
            case COMPLETED -> COMPLETED;
            case EXPIRED -> EXPIRED;
            case CREATED, PENDING -> PENDING;
        };
    }
}
