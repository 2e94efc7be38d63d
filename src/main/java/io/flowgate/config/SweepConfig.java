package io.flowgate.config;

import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Settings of flowgate: see {@link FlowgateConfig#sweep()}. */
public interface SweepConfig {
    /** Only sessions created longer ago than this are collected by a sweep. */
    @WithDefault("2M")
    Duration olderThan();

    /** At most this many sessions per sweep. */
    @WithDefault("50")
    int batchSize();

    /** Run a sweep this often inside the process (dev); unset: only when invoked (Lambda: on a schedule). */
    Optional<Duration> interval();
}
