package io.flowgate.budget;

import java.time.Duration;
import java.util.function.LongSupplier;

/** A span of time that work must fit in, measured on the monotonic clock from when the budget was made. */
public final class Budget {

    private final long endNanos;
    private final LongSupplier nanoTime;

    private Budget(long endNanos, LongSupplier nanoTime) {
        this.endNanos = endNanos;
        this.nanoTime = nanoTime;
    }

    /** A budget of {@code length} from now; a negative length is a spent budget. */
    public static Budget of(Duration length) {
        return of(length, System::nanoTime);
    }

    /** A budget of {@code length} from now on the given clock (tests pass one they move by hand). */
    public static Budget of(Duration length, LongSupplier nanoTime) {
        return new Budget(nanoTime.getAsLong() + length.toNanos(), nanoTime);
    }

    /** What is left, never negative. */
    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, endNanos - nanoTime.getAsLong()));
    }

    public boolean isSpent() {
        return remaining().isZero();
    }

    /** Whether a piece of work that may take {@code piece} still fits. */
    public boolean allows(Duration piece) {
        return remaining().compareTo(piece) >= 0;
    }

    /** {@code length}, or what is left when that is less. */
    public Duration cap(Duration length) {
        Duration remaining = remaining();
        return remaining.compareTo(length) < 0 ? remaining : length;
    }

    /** This budget, ending {@code length} from now when that is sooner. */
    public Budget atMost(Duration length) {
        long end = nanoTime.getAsLong() + length.toNanos();
        return end - endNanos < 0 ? new Budget(end, nanoTime) : this;
    }

    @Override
    public String toString() {
        return "Budget[remaining=" + remaining() + "]";
    }
}
