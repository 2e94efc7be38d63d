package io.flowgate.journey;

import io.flowgate.config.FlowgateConfig;
import io.flowgate.flow.review.SessionReviewing;
import io.flowgate.sandbox.Sandbox;
import io.flowgate.store.SessionStore;
import io.flowgate.testsupport.MutableClock;
import io.flowgate.testsupport.WebhookReceiver;
import io.flowgate.testsupport.WebhookReceiverResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** redactSession and reviewSession on the in-memory store: see {@link RedactReviewJourneys}. */
@QuarkusTest
@TestProfile(RedactReviewProfile.class)
class RedactReviewJourneyTest {

    @Inject
    Sandbox sandbox;

    @Inject
    SessionStore store;

    @Inject
    MutableClock clock;

    @Inject
    FlowgateConfig config;

    @Inject
    SessionReviewing reviewing;

    private final WebhookReceiver receiver = WebhookReceiverResource.receiver();

    @BeforeEach
    void reset() {
        receiver.reset();
        clock.reset();
    }

    @AfterEach
    void resetAfter() {
        receiver.reset();
        clock.reset();
    }

    @Test
    void redactsAFinalSessionDeletingItsVideoAndResultsAndKeepsATombstone() throws Exception {
        journeys().redactsAFinalSessionDeletingItsVideoAndResultsAndKeepsATombstone();
    }

    @Test
    void refusesToRedactASessionThatIsNotFinal() {
        journeys().refusesToRedactASessionThatIsNotFinal();
    }

    @Test
    void anotherCallerNeitherRedactsNorReviewsASessionOfAFlowItMayNotUse() {
        journeys().anotherCallerNeitherRedactsNorReviewsASessionOfAFlowItMayNotUse();
    }

    @Test
    void reviewsASessionLeftForReviewAndTellsTheWebhookThenRedactionKeepsTheOutcomeNotTheNote() throws Exception {
        journeys().reviewsASessionLeftForReviewAndTellsTheWebhookThenRedactionKeepsTheOutcomeNotTheNote();
    }

    @Test
    void refusesToReviewASessionNotLeftForReview() {
        journeys().refusesToReviewASessionNotLeftForReview();
    }

    @Test
    void aFollowUpEventQueuedBehindAPendingOneIsDeliveredAfterItBothOnce() throws Exception {
        journeys().aFollowUpEventQueuedBehindAPendingOneIsDeliveredAfterItBothOnce();
    }

    @Test
    void aReviewRecordedWhileTheFirstEventIsInFlightIsQueuedAndTheAttemptKept() {
        journeys().aReviewRecordedWhileTheFirstEventIsInFlightIsQueuedAndTheAttemptKept();
    }

    @Test
    void aFollowUpEventWaitsBehindAFailedOneUntilThatIsResentAndDelivered() {
        journeys().aFollowUpEventWaitsBehindAFailedOneUntilThatIsResentAndDelivered();
    }

    private RedactReviewJourneys journeys() {
        return new RedactReviewJourneys(sandbox, store, clock, receiver, config, reviewing);
    }
}
