package io.flowgate.journey;

import static io.flowgate.flow.metrics.MetricNames.DECISIONS;
import static io.flowgate.flow.metrics.MetricNames.SESSIONS_COMPLETED;
import static io.flowgate.flow.metrics.MetricNames.SESSIONS_CREATED;
import static io.flowgate.flow.metrics.MetricNames.SESSIONS_EXPIRED;
import static io.flowgate.flow.metrics.MetricNames.SWEEP_EXAMINED;
import static io.flowgate.flow.metrics.MetricNames.SWEEP_FAILED;
import static io.flowgate.flow.metrics.MetricNames.SWEEP_FINALISED;
import static io.flowgate.flow.metrics.MetricNames.SWEEP_LEFT_OVER;
import static io.flowgate.flow.metrics.MetricNames.VENDOR_CALLS;
import static io.flowgate.flow.metrics.MetricNames.VENDOR_ERRORS;
import static io.flowgate.flow.metrics.MetricNames.VENDOR_LATENCY;
import static io.flowgate.flow.metrics.MetricNames.WEBHOOKS_GIVEN_UP;
import static io.flowgate.flow.metrics.MetricNames.WEBHOOK_ATTEMPTS;
import static io.flowgate.flow.metrics.MetricNames.WEBHOOK_FAILURES;
import static io.flowgate.journey.Journeys.createSession;
import static io.flowgate.journey.Webhooks.attempts;
import static io.flowgate.journey.Webhooks.awaitDelivery;
import static io.flowgate.journey.Webhooks.deliverWebhooks;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowgate.flow.metrics.Measurement;
import io.flowgate.flow.metrics.Metrics;
import io.flowgate.sandbox.Sandbox;
import io.flowgate.store.InMemorySessionStore;
import io.flowgate.store.WebhookDelivery.State;
import io.flowgate.testsupport.MutableClock;
import io.flowgate.testsupport.RecordedMetrics;
import io.flowgate.testsupport.Sweeps;
import io.flowgate.testsupport.WebhookReceiver;
import io.flowgate.testsupport.WebhookReceiverResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The metrics of whole journeys, counted by an in-memory recorder put in place of the EMF lines: what each
 * domain event adds, with its dimensions.
 */
@QuarkusTest
@TestProfile(WebhookProfile.class)
class MetricsJourneyTest {

    private static final Map<String, String> CREATE_OK = Map.of("endpoint", "create", "outcome", "ok");
    private static final Map<String, String> RESULT_OK = Map.of("endpoint", "result", "outcome", "ok");

    @Inject
    Sandbox sandbox;

    @Inject
    InMemorySessionStore store;

    @Inject
    MutableClock clock;

    private final WebhookReceiver receiver = WebhookReceiverResource.receiver();
    private final RecordedMetrics recorded = new RecordedMetrics();

    @BeforeEach
    void recordMetrics() {
        receiver.reset();
        QuarkusMock.installMockForType(new Metrics(recorded), Metrics.class);
    }

    @AfterEach
    void resetReceiver() {
        receiver.reset();
    }

    @Test
    void createCompleteAndAWebhookDeliveredOnItsSecondAttemptCountEachEventOnce() {
        receiver.failNext(1);

        String sessionId = Webhooks.completed(sandbox, "everyone", null);
        awaitDelivery(store, sessionId, attempts(1));
        clock.advance(Duration.ofSeconds(31));
        deliverWebhooks().then().statusCode(200).body("delivered", equalTo(1));

        Map<String, String> everyone = Map.of("flow", "everyone");
        assertEquals(1, recorded.sum(SESSIONS_CREATED, everyone));
        assertEquals(1, recorded.sum(SESSIONS_COMPLETED, everyone));
        assertEquals(0, recorded.count(SESSIONS_EXPIRED, Map.of()));
        assertEquals(1, recorded.sum(DECISIONS, Map.of("flow", "everyone", "decision", "review")));
        assertEquals(1, recorded.sum(VENDOR_CALLS, CREATE_OK));
        assertEquals(1, recorded.sum(VENDOR_CALLS, RESULT_OK));
        assertEquals(2, recorded.sum(VENDOR_CALLS));
        assertEquals(0, recorded.sum(VENDOR_ERRORS));
        assertEquals(2, recorded.count(VENDOR_LATENCY, Map.of()));
        assertEquals(2, recorded.sum(WEBHOOK_ATTEMPTS, everyone));
        assertEquals(1, recorded.sum(WEBHOOK_FAILURES, everyone));
        assertEquals(0, recorded.sum(WEBHOOKS_GIVEN_UP));
        for (Measurement measurement : recorded.all()) {
            assertTrue(Set.of("flow", "endpoint", "outcome", "decision").containsAll(
                    measurement.dimensions().keySet()), measurement.toString());
            assertFalse(measurement.dimensions().containsValue(sessionId), measurement.toString());
        }
    }

    @Test
    void aDeliveryWhoseAttemptsRunOutCountsAsGivenUpOnce() {
        receiver.failNext(3);

        String sessionId = Webhooks.completed(sandbox, "legal-entities", null);
        awaitDelivery(store, sessionId, attempts(1));
        clock.advance(Duration.ofSeconds(31));
        deliverWebhooks().then().statusCode(200).body("retrying", equalTo(1));
        clock.advance(Duration.ofSeconds(61));
        deliverWebhooks().then().statusCode(200).body("failed", equalTo(1));

        assertEquals(State.FAILED, store.find(sessionId).orElseThrow().webhook().state());
        Map<String, String> legal = Map.of("flow", "legal-entities");
        assertEquals(3, recorded.sum(WEBHOOK_ATTEMPTS, legal));
        assertEquals(3, recorded.sum(WEBHOOK_FAILURES, legal));
        assertEquals(1, recorded.sum(WEBHOOKS_GIVEN_UP, legal));
    }

    @Test
    void aSweepThatExpiresAnAbandonedSessionCountsWhatItDid() {
        createSession("{\"flow\":\"legal-entities\"}").then().statusCode(200);
        clock.advance(Duration.ofMinutes(16));
        recorded.clear();

        JsonPath report = Sweeps.sweep();

        assertTrue(report.getInt("expired") >= 1, report.prettify());
        List<Measurement> sweeps = recorded.all().stream().filter(m -> m.value(SWEEP_EXAMINED) != null).toList();
        assertEquals(1, sweeps.size());
        Measurement sweep = sweeps.get(0);
        assertEquals(report.getInt("examined"), sweep.value(SWEEP_EXAMINED));
        assertEquals(report.getInt("completed") + report.getInt("expired"), sweep.value(SWEEP_FINALISED));
        assertEquals(report.getInt("failed"), sweep.value(SWEEP_FAILED));
        assertEquals(report.getInt("leftOver"), sweep.value(SWEEP_LEFT_OVER));
        assertEquals(report.getInt("expired"), recorded.sum(SESSIONS_EXPIRED));
        assertTrue(recorded.sum(DECISIONS, Map.of("flow", "legal-entities", "decision", "declined")) >= 1);
        assertEquals(List.of(), sweep.dimensionSets().get(0), "the sweep's metrics are counted in all only");
    }
}
