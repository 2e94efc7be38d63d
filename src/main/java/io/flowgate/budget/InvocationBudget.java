package io.flowgate.budget;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The budget of the invocation being served on this thread. Functions run their work {@link #within} their
 * budget; what they call reads it with {@link #current()}, so that the budget need not be handed down through
 * every layer. Work started on another thread has none (and falls back to its own limits).
 */
public final class InvocationBudget {

    private static final ThreadLocal<Budget> CURRENT = new ThreadLocal<>();

    private InvocationBudget() {
    }

    /** Runs {@code work} with {@code budget} as the current budget, restoring the one before afterwards. */
    public static <T> T within(Budget budget, Supplier<T> work) {
        Budget outer = CURRENT.get();
        CURRENT.set(budget);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    public static Optional<Budget> current() {
        return Optional.ofNullable(CURRENT.get());
    }
}
