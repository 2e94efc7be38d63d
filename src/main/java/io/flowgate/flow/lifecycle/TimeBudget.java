package io.flowgate.flow.lifecycle;

import java.time.Duration;

/**
 * The time one run of a scheduled function may work, measured on the monotonic clock from its creation: another
 * piece of work may start only while at least {@code onePiece} of it is left.
 */
final class TimeBudget {

    private final long startedNanos = System.nanoTime();
    private final Duration budget;
    private final Duration onePiece;

    TimeBudget(Duration budget, Duration onePiece) {
        this.budget = budget;
        this.onePiece = onePiece;
    }

    boolean allowsAnother() {
        Duration spent = Duration.ofNanos(System.nanoTime() - startedNanos);
        return spent.plus(onePiece).compareTo(budget) <= 0;
    }
}
