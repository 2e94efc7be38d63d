package io.flowgate.web.invoke;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The process deployed as the sweep function. */
public class SweepFunctionProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("flowgate.function", "sweep");
    }
}
