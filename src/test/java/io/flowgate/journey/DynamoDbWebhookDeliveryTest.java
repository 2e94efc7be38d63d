package io.flowgate.journey;

import static io.flowgate.journey.Webhooks.attempts;
import static io.flowgate.journey.Webhooks.awaitDelivery;
import static io.flowgate.journey.Webhooks.deliverWebhooks;
import static io.flowgate.journey.Webhooks.listFailedWebhooks;
import static io.flowgate.journey.Webhooks.resendWebhook;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flowgate.config.FlowgateConfig;
import io.flowgate.flow.webhook.WebhookDeliverer;
import io.flowgate.sandbox.Sandbox;
import io.flowgate.store.SessionStore;
import io.flowgate.store.WebhookDelivery.State;
import io.flowgate.store.WebhookDelivery;
import io.flowgate.testsupport.MutableClock;
import io.flowgate.testsupport.StoreFaults;
import io.flowgate.testsupport.WebhookReceiver;
import io.flowgate.testsupport.WebhookReceiverResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Webhook delivery with the outbox in DynamoDB (dynalite): retries, a failure and its resend, claims. */
@QuarkusTest
@TestProfile(DynamoDbWebhookProfile.class)
class DynamoDbWebhookDeliveryTest {

    @Inject
    Sandbox sandbox;

    @Inject
    SessionStore store;

    @Inject
    WebhookDeliverer deliverer;

    @Inject
    MutableClock clock;

    @Inject
    StoreFaults faults;

    private final WebhookReceiver receiver = WebhookReceiverResource.receiver();

    @Inject
    DynamoDbClient dynamoDb;

    @Inject
    FlowgateConfig config;

    /** The table is this profile's own, but kept from test to test: each starts without a session. */
    @BeforeEach
    void reset() {
        receiver.reset();
        String table = config.store().dynamodb().table();
        dynamoDb.scanPaginator(scan -> scan.tableName(table).projectionExpression("sessionId")).items()
                .forEach(key -> dynamoDb.deleteItem(delete -> delete.tableName(table).key(key)));
    }

    @AfterEach
    void resetReceiver() {
        receiver.reset();
    }

    @Test
    void retriesFromTheStoredStateThenDelivers() {
        receiver.failNext(1);
        String sessionId = completed("legal-entities");
        awaitDelivery(store, sessionId, attempts(1));

        clock.advance(Duration.ofSeconds(31));
        deliverWebhooks().then().statusCode(200).body("delivered", equalTo(1));

        WebhookDelivery delivered = store.find(sessionId).orElseThrow().webhook();
        assertEquals(State.DELIVERED, delivered.state());
        assertEquals(List.of(500, 204), delivered.attempts().stream().map(WebhookDelivery.Attempt::statusCode).toList());
        assertEquals(Map.of("old", false, "new", false, "legal", true), receiver.received().get(1).acceptedBy());
    }

    @Test
    void listsAPermanentFailureAndResendsIt() {
        receiver.failNext(3);
        String sessionId = completed("everyone");
        awaitDelivery(store, sessionId, attempts(1));
        clock.advance(Duration.ofSeconds(31));
        deliverWebhooks().then().body("retrying", equalTo(1));
        clock.advance(Duration.ofSeconds(61));
        deliverWebhooks().then().body("failed", equalTo(1));

        listFailedWebhooks("{}").then().statusCode(200).body("deliveries.sessionId", hasItem(sessionId));
        resendWebhook(sessionId).then().statusCode(200).body("state", equalTo("DELIVERED"))
                .body("attempts.statusCode", contains(500, 500, 500, 204));
    }

    @Test
    void twoDeliverersThatReadTheSameVersionMakeTheAttemptOnce() throws Exception {
        receiver.failNext(1);
        String sessionId = completed("everyone");
        awaitDelivery(store, sessionId, attempts(1));
        clock.advance(Duration.ofSeconds(31));
        receiver.delay(Duration.ofMillis(300));
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService deliverers = Executors.newFixedThreadPool(2);
        try {
            Future<Optional<WebhookDelivery>> first = deliverers.submit(() -> {
                together.await(10, TimeUnit.SECONDS);
                return deliverer.attempt(sessionId);
            });
            Future<Optional<WebhookDelivery>> second = deliverers.submit(() -> {
                together.await(10, TimeUnit.SECONDS);
                return deliverer.attempt(sessionId);
            });

            int made = (first.get(10, TimeUnit.SECONDS).isPresent() ? 1 : 0)
                    + (second.get(10, TimeUnit.SECONDS).isPresent() ? 1 : 0);

            assertEquals(1, made);
            assertEquals(2, receiver.received().size());
            assertEquals(State.DELIVERED, store.find(sessionId).orElseThrow().webhook().state());
        } finally {
            deliverers.shutdownNow();
        }
    }


    @Test
    void aVideoCopyWrittenDuringThePostKeepsTheAttemptAndTheCopy() throws Exception {
        races().aVideoCopyWrittenDuringThePostKeepsTheAttemptAndTheCopy();
    }

    @Test
    void aDeliveryTakenOverDuringThePostIsNotOverwritten() throws Exception {
        races().aDeliveryTakenOverDuringThePostIsNotOverwritten();
    }

    @Test
    void aRecordLosingFourTimesInARowIsAppliedOnTheFifthTry() {
        races().aRecordLosingFourTimesInARowIsAppliedOnTheFifthTry();
    }

    @Test
    void aRecordLosingFiveTimesInARowIsGivenUpAndTheAttemptMadeAgainOnceTheClaimRunsOut() {
        races().aRecordLosingFiveTimesInARowIsGivenUpAndTheAttemptMadeAgainOnceTheClaimRunsOut();
    }


    @Test
    void aRestrictedCallerGetsItsFewFailuresInOnePageAmongManyOfOtherFlows() {
        new FailedWebhookListings(store).aRestrictedCallerGetsItsFewFailuresInOnePageAmongManyOfOtherFlows();
    }

    @Test
    void pagesThroughEveryFlowOfTheCallerCompletelyAndWithoutDuplicates() {
        new FailedWebhookListings(store).pagesThroughEveryFlowOfTheCallerCompletelyAndWithoutDuplicates();
    }

    @Test
    void refusesAPageTokenItDidNotGive() {
        new FailedWebhookListings(store).refusesAPageTokenItDidNotGive();
    }

    private WebhookRecordRaces races() {
        return new WebhookRecordRaces(sandbox, store, deliverer, clock, receiver, faults);
    }

    private String completed(String flow) {
        return Webhooks.completed(sandbox, flow, null);
    }
}
