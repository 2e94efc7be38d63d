package io.flowgate.metrics;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.flowgate.config.FlowgateConfig;
import io.flowgate.config.MetricsConfig;
import io.flowgate.flow.metrics.Measurement;
import io.flowgate.flow.metrics.MetricNames;
import io.flowgate.flow.metrics.MetricSink;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;

/**
 * Writes each measurement as one CloudWatch Embedded Metric Format document, a JSON object on a line of its own on
 * standard output, where Lambda sends it to CloudWatch Logs, which extracts the metrics (no API call): the
 * {@code _aws} metadata (Timestamp, CloudWatchMetrics [{Namespace, Dimensions, Metrics [{Name, Unit}]}]), the
 * dimensions' values, {@code function} (for CloudWatch Logs Insights; not a dimension but of the cold starts),
 * then the values. Written as each event happens, independent of the application's log format: a line per event,
 * so nothing waits for the end of an invocation that may never come (a timeout, a crash, a frozen instance).
 * Writes nothing when {@code flowgate.metrics.enabled} is false.
 */
@ApplicationScoped
public class EmfLines implements MetricSink {

    private static final JsonFactory JSON = new JsonFactory();
    private static final int MAX_NAMESPACE = 255;

    private final boolean enabled;
    private final String namespace;
    private final String function;
    private final Clock clock;
    private final PrintStream out;

    @Inject
    EmfLines(FlowgateConfig config, Clock clock) {
        this(config.metrics(), config.function().orElse("all"), clock, System.out);
    }

    EmfLines(MetricsConfig config, String function, Clock clock, PrintStream out) {
        String namespace = config.namespace();
        if (namespace.isEmpty() || namespace.length() > MAX_NAMESPACE || namespace.startsWith(":")) {
            throw new IllegalArgumentException("flowgate.metrics.namespace must be 1 to " + MAX_NAMESPACE
                    + " characters, not starting with a colon");
        }
        this.enabled = config.enabled();
        this.namespace = namespace;
        this.function = function;
        this.clock = clock;
        this.out = out;
    }

    @Override
    public void write(Measurement measurement) {
        if (enabled) {
            out.println(line(measurement));
        }
    }

    /** The EMF document of one measurement, on one line. */
    String line(Measurement measurement) {
        StringWriter text = new StringWriter(256);
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            json.writeObjectFieldStart("_aws");
            json.writeNumberField("Timestamp", clock.millis());
            json.writeArrayFieldStart("CloudWatchMetrics");
            json.writeStartObject();
            json.writeStringField("Namespace", namespace);
            json.writeArrayFieldStart("Dimensions");
            for (List<String> set : measurement.dimensionSets()) {
                json.writeStartArray();
                for (String key : set) {
                    json.writeString(key);
                }
                json.writeEndArray();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("Metrics");
            for (Measurement.Value value : measurement.values()) {
                json.writeStartObject();
                json.writeStringField("Name", value.name());
                json.writeStringField("Unit", value.unit().cloudWatchName());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
            if (!measurement.dimensions().containsKey(MetricNames.FUNCTION)) {
                json.writeStringField(MetricNames.FUNCTION, function);
            }
            for (var dimension : measurement.dimensions().entrySet()) {
                json.writeStringField(dimension.getKey(), dimension.getValue());
            }
            for (Measurement.Value value : measurement.values()) {
                json.writeNumberField(value.name(), value.value());
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
