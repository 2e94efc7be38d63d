package io.flowgate.flow.metrics;

import static io.flowgate.flow.metrics.MetricNames.DECISION;
import static io.flowgate.flow.metrics.MetricNames.ENDPOINT;
import static io.flowgate.flow.metrics.MetricNames.FLOW;
import static io.flowgate.flow.metrics.MetricNames.FUNCTION;
import static io.flowgate.flow.metrics.MetricNames.OUTCOME;

import io.flowgate.flow.decision.Decision;
import io.flowgate.flow.metrics.Measurement.Unit;
import io.flowgate.flow.metrics.Measurement.Value;
import io.flowgate.store.SessionRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The domain's events as metrics ({@link MetricNames}), each written as it happens through the {@link MetricSink}.
 * Called where the events already happen (and are logged); a failure to write a metric is logged and never reaches
 * the caller.
 */
@ApplicationScoped
public class Metrics {

    private static final Logger LOG = Logger.getLogger(Metrics.class);
    private static final List<List<String>> BY_FLOW_AND_IN_ALL = List.of(List.of(FLOW), List.of());
    private static final List<List<String>> IN_ALL = List.of(List.of());
    private static final Set<String> DECISIONS = Set.of(Decision.APPROVED, Decision.DECLINED, Decision.REVIEW);

    private final MetricSink sink;

    public Metrics(MetricSink sink) {
        this.sink = sink;
    }

    /** A session was created at the vendor (and is paid for). */
    public void sessionCreated(String flow) {
        write(BY_FLOW_AND_IN_ALL, dimensions(FLOW, flow), count(MetricNames.SESSIONS_CREATED, 1));
    }

    /** The session was just made final: its status and its decision. */
    public void sessionFinished(SessionRecord session) {
        String name = switch (session.status()) {
            case COMPLETED -> MetricNames.SESSIONS_COMPLETED;
            case CANCELLED -> MetricNames.SESSIONS_CANCELLED;
            default -> MetricNames.SESSIONS_EXPIRED;
        };
        write(BY_FLOW_AND_IN_ALL, dimensions(FLOW, session.flow()), count(name, 1));
        String decision = session.decision() == null ? "none"
                : DECISIONS.contains(session.decision()) ? session.decision() : "other";
        write(List.of(List.of(FLOW, DECISION), List.of(DECISION)), dimensions(FLOW, session.flow(), DECISION, decision),
                count(MetricNames.DECISIONS, 1));
    }

    /**
     * One call (attempt) to the vendor.
     *
     * @param endpoint {@code create}, {@code result} or {@code video}
     * @param outcome {@code ok} or the kind of failure
     * @param vendorFault whether the vendor failed it (counted in {@link MetricNames#VENDOR_ERRORS})
     */
    public void vendorCall(String endpoint, String outcome, boolean vendorFault, long elapsedMs) {
        write(List.of(List.of(ENDPOINT, OUTCOME), List.of()), dimensions(ENDPOINT, endpoint, OUTCOME, outcome),
                count(MetricNames.VENDOR_CALLS, 1), count(MetricNames.VENDOR_ERRORS, vendorFault ? 1 : 0),
                new Value(MetricNames.VENDOR_LATENCY, elapsedMs, Unit.MILLISECONDS));
    }

    /**
     * One webhook attempt, recorded.
     *
     * @param outcome {@code delivered}, {@code retry} or {@code failed} (given up)
     */
    public void webhookAttempt(String flow, String outcome) {
        boolean delivered = "delivered".equals(outcome);
        write(BY_FLOW_AND_IN_ALL, dimensions(FLOW, flow), count(MetricNames.WEBHOOK_ATTEMPTS, 1),
                count(MetricNames.WEBHOOK_FAILURES, delivered ? 0 : 1),
                count(MetricNames.WEBHOOKS_GIVEN_UP, "failed".equals(outcome) ? 1 : 0));
    }

    /** What one sweep did. */
    public void sweep(int examined, int finalised, int failed, int leftOver) {
        write(IN_ALL, Map.of(), count(MetricNames.SWEEP_EXAMINED, examined),
                count(MetricNames.SWEEP_FINALISED, finalised), count(MetricNames.SWEEP_FAILED, failed),
                count(MetricNames.SWEEP_LEFT_OVER, leftOver));
    }

    /** A liveness video was copied to the archive ({@code copied}), or its copy failed. */
    public void videoCopy(boolean copied) {
        write(IN_ALL, Map.of(), count(copied ? MetricNames.VIDEO_COPIES : MetricNames.VIDEO_COPY_FAILURES, 1));
    }

    /** This process started: a cold start of {@code function} ({@code all} when the process serves everything). */
    public void coldStart(String function) {
        write(List.of(List.of(FUNCTION)), dimensions(FUNCTION, function), count(MetricNames.COLD_STARTS, 1));
    }

    /** Name, value, name, value...; a value missing is {@code unknown}, so that a metric is never lost to it. */
    private static Map<String, String> dimensions(String... namesAndValues) {
        Map<String, String> dimensions = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String value = namesAndValues[i + 1];
            dimensions.put(namesAndValues[i], value == null || value.isEmpty() ? "unknown" : value);
        }
        return dimensions;
    }

    private static Value count(String name, long value) {
        return new Value(name, value, Unit.COUNT);
    }

    private void write(List<List<String>> dimensionSets, Map<String, String> dimensions, Value... values) {
        try {
            sink.write(new Measurement(dimensionSets, dimensions, List.of(values)));
        } catch (RuntimeException e) {
            LOG.warnf("metrics.unwritten metric=%s failure=%s", values[0].name(), e.getClass().getSimpleName());
        }
    }
}
