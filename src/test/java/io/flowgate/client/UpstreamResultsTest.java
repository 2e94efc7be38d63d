package io.flowgate.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flowgate.client.generated.model.SessionResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UpstreamResultsTest {

    @Test
    void acceptsTechnologiesAsDocumentedObjectsAndAsBareCodes() {
        SessionResult result = new SessionResult().id("00000000-0000-4000-8000-000000000001")
                .technologies(List.of(Map.of("name", "Liveness", "description", "Face liveness"), "F2F"));

        UpstreamResult normalised = UpstreamResults.normalise(result);

        assertEquals(List.of(new UpstreamTechnology(null, "Liveness", "Face liveness"),
                new UpstreamTechnology("F2F", null, null)), normalised.technologies());
    }

    @Test
    void keepsOnlyTheResultsPresentVerbatim() {
        SessionResult result = new SessionResult().id("00000000-0000-4000-8000-000000000002")
                .livenessResult(Map.of("is_live", true, "extra", Map.of("frames", 12)));

        UpstreamResult normalised = UpstreamResults.normalise(result);

        assertEquals(Map.of("liveness_result", Map.of("is_live", true, "extra", Map.of("frames", 12))),
                normalised.results());
        assertEquals(List.of(), normalised.technologies());
    }
}
