package io.flowgate.lifecycle;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** A sweep with 4 s to work, where one vendor call may take 2 s: it starts no session after its first 2 s. */
public class SweepTimeBudgetProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("flowgate.sweep.time-budget", "4S", "flowgate.upstream.max-call-time", "2S");
    }
}
