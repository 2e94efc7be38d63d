package io.flowgate.web.invoke;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The process deployed as redactSession, whose direct invocations may use the flow {@code individuals}. */
public class RedactSessionFunctionProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("flowgate.function", "redactSession", "flowgate.invoke.flows", "individuals");
    }
}
