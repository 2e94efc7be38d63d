package io.flowgate.demo;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The sandbox keeps its sessions open for 30 minutes, longer than flowgate's lifetime and grace (15),
 * so that a browser can still finish the hosted flow after flowgate's state token has expired.
 */
public class LongSandboxSessions implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("flowgate.sandbox.session-lifetime", "30M");
    }
}
