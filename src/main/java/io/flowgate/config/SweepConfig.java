package io.flowgate.config;

import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Settings of flowgate: see {@link FlowgateConfig#sweep()}. */
public interface SweepConfig {
    /**
     * A session is first collected by a sweep this long after its creation, then again this long after each
     * collection that leaves it open (twice as long after each failure in a row).
     */
    @WithDefault("2M")
    Duration olderThan();

    /** At most this many sessions per sweep. */
    @WithDefault("50")
    int batchSize();

    /**
     * How long one sweep may work; in Lambda, also no longer than its invocation's remaining time less
     * {@code flowgate.budget.reserve}. It takes no new session or video copy once less than
     * {@code flowgate.upstream.max-call-time} of it is left, and reports what it left ({@code leftOver}).
     */
    @WithDefault("540S")
    Duration timeBudget();

    /** Run a sweep this often inside the process (dev); unset: only when invoked (Lambda: on a schedule). */
    Optional<Duration> interval();
}
