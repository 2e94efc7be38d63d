package io.flowgate.journey;

import static io.flowgate.journey.Journeys.arriveAtCallback;
import static io.flowgate.journey.Journeys.createSession;
import static io.flowgate.journey.Journeys.getResult;
import static io.flowgate.journey.Journeys.passFlow;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flowgate.flow.result.ResultCollection;
import io.flowgate.sandbox.Sandbox;
import io.flowgate.store.DynamoDbSessionStore;
import io.flowgate.store.DynamoDbStoreProfile;
import io.flowgate.store.SessionRecord;
import io.flowgate.store.SessionStatus;
import io.flowgate.store.SessionStore;
import io.flowgate.testsupport.MutableClock;
import io.flowgate.testsupport.StoreFaults;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The return trip with sessions in DynamoDB (dynalite), including concurrent collections. */
@QuarkusTest
@TestProfile(DynamoDbStoreProfile.class)
class DynamoDbJourneyTest {

    private static final String RETURN_URL = "https://shop.example.com/kyc/done";

    @Inject
    Sandbox sandbox;

    @Inject
    SessionStore store;

    @Inject
    ResultCollection collection;

    @Inject
    MutableClock clock;

    @Test
    void runsOnDynamoDb() {
        org.junit.jupiter.api.Assertions.assertInstanceOf(DynamoDbSessionStore.class, StoreFaults.adapter(store));
    }

    @Test
    void completesTheReturnTripWithTheSessionInDynamoDb() {
        String reference = "dynamo-" + System.nanoTime();
        Response created = createSession("{\"flow\":\"legal-entities\",\"reference\":\"" + reference
                + "\",\"returnUrl\":\"" + RETURN_URL + "\"}");
        String sessionId = created.path("sessionId");

        Response back = arriveAtCallback(passFlow(created.path("verificationUrl"), Map.of()));

        assertEquals(RETURN_URL + "?session_id=" + sessionId + "&status=completed", back.header("Location"));
        getResult("{\"reference\":\"" + reference + "\"}").then()
                .body("sessionId", equalTo(sessionId))
                .body("status", equalTo("COMPLETED"))
                .body("technologies.resultReceived", contains(true, true, true))
                .body("decision.outcome", equalTo("approved"));
    }

    @Test
    void concurrentCollectionsLeaveOneConsistentRecord() throws Exception {
        ConcurrentCollections.assertOneConsistentRecord(sandbox, collection, store);
    }

    @Test
    void expiresAnAbandonedSessionOnTheSweep() {
        String sessionId = createSession("{\"flow\":\"individuals\"}").path("sessionId");
        clock.advance(Duration.ofMinutes(16));

        RestAssured.given().contentType("application/json").post("/sweep").then().statusCode(200);

        SessionRecord stored = store.find(sessionId).orElseThrow();
        assertEquals(SessionStatus.EXPIRED, stored.status());
        assertEquals(List.of(), store.findDueCollections(clock.instant().plus(Duration.ofDays(1)), 100).stream()
                .filter(session -> session.sessionId().equals(sessionId)).toList());
    }
}
