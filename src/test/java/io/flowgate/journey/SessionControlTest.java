package io.flowgate.journey;

import io.flowgate.flow.metrics.Metrics;
import io.flowgate.sandbox.Sandbox;
import io.flowgate.store.InMemorySessionStore;
import io.flowgate.store.SessionStore;
import io.flowgate.testsupport.MutableClock;
import io.flowgate.testsupport.RecordedMetrics;
import io.flowgate.testsupport.StoreFaults;
import io.flowgate.testsupport.WebhookReceiver;
import io.flowgate.testsupport.WebhookReceiverResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** cancelSession and resumeSession with the sessions in memory ({@link SessionControlJourneys}). */
@QuarkusTest
@TestProfile(WebhookProfile.class)
class SessionControlTest {

    @Inject
    Sandbox sandbox;

    @Inject
    SessionStore store;

    @Inject
    MutableClock clock;

    @Inject
    StoreFaults faults;

    private final WebhookReceiver receiver = WebhookReceiverResource.receiver();
    private final RecordedMetrics metrics = new RecordedMetrics();

    @BeforeEach
    void reset() {
        receiver.reset();
        QuarkusMock.installMockForType(new Metrics(metrics), Metrics.class);
    }

    @AfterEach
    void resetReceiver() {
        receiver.reset();
    }

    @Test
    void runsInMemory() {
        org.junit.jupiter.api.Assertions.assertInstanceOf(InMemorySessionStore.class, StoreFaults.adapter(store));
    }

    @Test
    void cancelsASessionTellsTheWebhookAndThePersonAndNeverCollectsItAgain() throws Exception {
        journeys().cancelsASessionTellsTheWebhookAndThePersonAndNeverCollectsItAgain();
    }

    @Test
    void tellsThePersonInRussianAndKeepsUnspecifiedWithoutAReason() {
        journeys().tellsThePersonInRussianAndKeepsUnspecifiedWithoutAReason();
    }

    @Test
    void refusesToCancelAFinalSession() {
        journeys().refusesToCancelAFinalSession();
    }

    @Test
    void aCollectionThatFinishesTheSessionFirstWinsTheRace() {
        journeys().aCollectionThatFinishesTheSessionFirstWinsTheRace();
    }

    @Test
    void aCancelThatLosesToAWriteLeavingTheSessionOpenTriesAgainAndCancels() {
        journeys().aCancelThatLosesToAWriteLeavingTheSessionOpenTriesAgainAndCancels();
    }

    @Test
    void refusesAReasonThatIsNotACode() {
        journeys().refusesAReasonThatIsNotACode();
    }

    @Test
    void anotherCallerOfTheSameFlowFindsNoneOfTheCallersSessions() {
        journeys().anotherCallerOfTheSameFlowFindsNoneOfTheCallersSessions();
    }

    @Test
    void anotherCallersSessionIsNotFoundForCancelOrResume() {
        journeys().anotherCallersSessionIsNotFoundForCancelOrResume();
    }

    @Test
    void resumesAnOpenSessionWithALinkThatLeadsToCompletion() {
        journeys().resumesAnOpenSessionWithALinkThatLeadsToCompletion();
    }

    @Test
    void refusesToResumeAFinalSession() {
        journeys().refusesToResumeAFinalSession();
    }

    @Test
    void refusesToResumeASessionPastItsExpiry() {
        journeys().refusesToResumeASessionPastItsExpiry();
    }

    private SessionControlJourneys journeys() {
        return new SessionControlJourneys(sandbox, store, clock, faults, receiver, metrics);
    }
}
