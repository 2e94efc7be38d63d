package io.flowgate.testsupport;

import io.flowgate.flow.metrics.Measurement;
import io.flowgate.flow.metrics.MetricSink;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-memory {@link MetricSink}: keeps every measurement the domain writes, to count them in tests
 * ({@code QuarkusMock.installMockForType(new Metrics(recorded), Metrics.class)} puts it in place of the EMF lines).
 */
public class RecordedMetrics implements MetricSink {

    private final List<Measurement> measurements = new CopyOnWriteArrayList<>();

    @Override
    public void write(Measurement measurement) {
        measurements.add(measurement);
    }

    public List<Measurement> all() {
        return List.copyOf(measurements);
    }

    public void clear() {
        measurements.clear();
    }

    /** The sum of the metric over the measurements whose dimensions include every one given. */
    public long sum(String metric, Map<String, String> dimensions) {
        return measurements.stream()
                .filter(m -> m.dimensions().entrySet().containsAll(dimensions.entrySet()))
                .map(m -> m.value(metric)).filter(java.util.Objects::nonNull).mapToLong(Long::longValue).sum();
    }

    /** The sum of the metric over every measurement. */
    public long sum(String metric) {
        return sum(metric, Map.of());
    }

    /** How many measurements carry the metric (with the dimensions given). */
    public long count(String metric, Map<String, String> dimensions) {
        return measurements.stream()
                .filter(m -> m.dimensions().entrySet().containsAll(dimensions.entrySet()))
                .filter(m -> m.value(metric) != null).count();
    }
}
