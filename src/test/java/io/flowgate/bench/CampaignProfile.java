package io.flowgate.bench;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Sweeps large enough to take every session of the campaign in one run. */
public class CampaignProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("flowgate.sweep.batch-size", "1000");
    }
}
