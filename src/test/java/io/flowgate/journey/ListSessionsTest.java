package io.flowgate.journey;

import io.flowgate.store.SessionStore;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** listSessions and metadata through the Lambda event path, sessions in memory ({@link SessionListingJourneys}). */
@QuarkusTest
class ListSessionsTest {

    @Inject
    SessionStore store;

    @Test
    void pagesThroughTheCallersOwnSessionsNewestFirstWithEachFilter() {
        new SessionListingJourneys(store).pagesThroughTheCallersOwnSessionsNewestFirstWithEachFilter();
    }

    @Test
    void answersEachSessionAsGetResultDoesWithoutRawResults() {
        new SessionListingJourneys(store).answersEachSessionAsGetResultDoesWithoutRawResults();
    }

    @Test
    void refusesAPageTokenItDidNotGiveForThisCallerAndTheseFilters() {
        new SessionListingJourneys(store).refusesAPageTokenItDidNotGiveForThisCallerAndTheseFilters();
    }

    @Test
    void refusesAnInvalidRequestWithProblemDetails() {
        new SessionListingJourneys(store).refusesAnInvalidRequestWithProblemDetails();
    }

    @Test
    void keepsTheMetadataOfCreateSessionForGetResultAndListSessions() {
        new SessionListingJourneys(store).keepsTheMetadataOfCreateSessionForGetResultAndListSessions();
    }
}
