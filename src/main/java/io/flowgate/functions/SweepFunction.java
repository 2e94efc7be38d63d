package io.flowgate.functions;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.flow.lifecycle.SessionSweep.SweepReport;
import io.flowgate.flow.lifecycle.SessionSweep;
import io.quarkus.funqy.Funq;

/**
 * {@code POST /sweep}: collects and expires abandoned sessions. Not for the public gateway: in AWS it
 * runs as its own function on a schedule, with no HTTP route (see docs/deployment.md).
 */
public class SweepFunction {

    private final SessionSweep sweep;

    SweepFunction(SessionSweep sweep) {
        this.sweep = sweep;
    }

    /** Takes no parameters; a body, if any (a scheduler's payload), is ignored. */
    @Funq("sweep")
    public SweepReport sweep(JsonNode ignored) {
        return sweep.sweep();
    }
}
