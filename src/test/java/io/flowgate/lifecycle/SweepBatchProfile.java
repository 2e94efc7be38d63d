package io.flowgate.lifecycle;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Sweeps of two sessions at a time, so that a test can fill a batch with sessions the vendor refuses. */
public class SweepBatchProfile implements QuarkusTestProfile {

    static final int BATCH = 2;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("flowgate.sweep.batch-size", Integer.toString(BATCH));
    }
}
