package io.flowgate.flow.metrics;

/**
 * Where {@link Metrics} sends each measurement: in the functions, CloudWatch Embedded Metric Format lines on
 * standard output ({@code io.flowgate.metrics.EmfLines}); in tests, a recorder.
 */
public interface MetricSink {

    /** Writes one measurement at once (a Lambda instance may be frozen after its answer). Never throws. */
    void write(Measurement measurement);
}
