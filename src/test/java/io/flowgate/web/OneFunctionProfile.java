package io.flowgate.web;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The process deployed as the public callback function ({@code FLOWGATE_FUNCTION=callback}). */
public class OneFunctionProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("flowgate.function", "callback");
    }
}
