package io.flowgate.journey;

import io.flowgate.config.FlowgateConfig;
import io.flowgate.store.DynamoDbSessionStore;
import io.flowgate.store.DynamoDbStoreProfile;
import io.flowgate.store.SessionStore;
import io.flowgate.testsupport.StoreFaults;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * listSessions and metadata through the Lambda event path, sessions in DynamoDB (dynalite), read through the
 * caller-flow and reference indexes ({@link SessionListingJourneys}).
 */
@QuarkusTest
@TestProfile(DynamoDbStoreProfile.class)
class DynamoDbListSessionsTest {

    @Inject
    SessionStore store;

    @Inject
    DynamoDbClient dynamoDb;

    @Inject
    FlowgateConfig config;

    /** The profile's table is shared with the other DynamoDB tests: each of these starts on an empty one. */
    @BeforeEach
    void emptyTheTable() {
        String table = config.store().dynamodb().table();
        dynamoDb.scanPaginator(scan -> scan.tableName(table).projectionExpression("sessionId")).items()
                .forEach(key -> dynamoDb.deleteItem(delete -> delete.tableName(table).key(key)));
    }

    @Test
    void runsOnDynamoDb() {
        Assertions.assertInstanceOf(DynamoDbSessionStore.class, StoreFaults.adapter(store));
    }

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
