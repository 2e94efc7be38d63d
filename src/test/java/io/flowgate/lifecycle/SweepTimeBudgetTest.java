package io.flowgate.lifecycle;

import static io.flowgate.testsupport.Sweeps.sweep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowgate.journey.Journeys;
import io.flowgate.sandbox.Endpoint;
import io.flowgate.sandbox.Fault;
import io.flowgate.sandbox.Sandbox;
import io.flowgate.store.SessionStore;
import io.flowgate.testsupport.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A sweep stops taking sessions when its time budget runs short, reports what it left, and the next sweeps take
 * those first: with a slow vendor, every session is still collected, none holds back the others.
 */
@QuarkusTest
@TestProfile(SweepTimeBudgetProfile.class)
class SweepTimeBudgetTest {

    static final int SESSIONS = 8;

    @Inject
    Sandbox sandbox;

    @Inject
    SessionStore store;

    @Inject
    MutableClock clock;

    @Test
    void stopsTakingSessionsWhenItsBudgetRunsShortAndLeavesThemForTheNextSweep() {
        clock.freeze();
        List<String> sessions = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            String sessionId = Journeys.createSession("{\"flow\": \"everyone\"}").jsonPath().getString("sessionId");
            sandbox.injectForSession(sessionId, Endpoint.RESULT, Fault.delay(Duration.ofMillis(900)));
            sessions.add(sessionId);
        }
        clock.advance(Duration.ofMinutes(3));

        JsonPath first = sweep();

        int examined = first.getInt("examined");
        assertTrue(examined >= 1 && examined <= 3, "each collection takes 0.9 s; none starts after 2 s: " + examined);
        assertEquals(SESSIONS - examined, first.getInt("leftOver"));

        for (int run = 0; run < 6 && sweep().getInt("leftOver") > 0; run++) {
            // the sessions left over are the earliest due: the next sweeps take them first
        }
        for (String sessionId : sessions) {
            assertTrue(store.find(sessionId).orElseThrow().collectDueAt().isAfter(clock.instant()),
                    "collected once, due again later: " + sessionId);
        }
        clock.reset();
    }
}
