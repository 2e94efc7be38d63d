package io.flowgate.web.invoke;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The process deployed as cancelSession, whose direct invocations may use the flow {@code individuals}. */
public class CancelSessionFunctionProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("flowgate.function", "cancelSession", "flowgate.invoke.flows", "individuals");
    }
}
