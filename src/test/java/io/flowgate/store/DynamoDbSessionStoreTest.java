package io.flowgate.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowgate.config.FlowgateConfig;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** The store contract on the application's {@link SessionStore} bean, configured for DynamoDB, against dynalite. */
@QuarkusTest
@TestProfile(DynamoDbStoreProfile.class)
class DynamoDbSessionStoreTest extends SessionStoreContract {

    @Inject
    SessionStore store;

    @Inject
    DynamoDbClient dynamoDb;

    @Inject
    FlowgateConfig config;

    @Override
    protected SessionStore store() {
        return store;
    }

    @Override
    protected void removeAllSessions() {
        dynamoDb.scanPaginator(scan -> scan.tableName(table()).projectionExpression(SessionItems.SESSION_ID))
                .items()
                .forEach(key -> dynamoDb.deleteItem(delete -> delete.tableName(table()).key(key)));
    }

    @Test
    void keepsSessionsInTheConfiguredTableWithTheirTimeToLiveInEpochSeconds() {
        store.create(created("s-1", "order-1", T0));

        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(table())
                .key(SessionItems.key("s-1")).consistentRead(true)).item();

        assertEquals(Long.toString(T0.plus(Duration.ofDays(30)).getEpochSecond()), item.get(SessionItems.TTL).n());
        assertEquals("collect", item.get(SessionItems.DUE_KIND).s());
        assertFalse(item.containsKey(SessionItems.COMPLETED_AT));
    }

    @Test
    void createdTheTableWithItsFiveIndexesAndOnDemandBillingAtStartup() {
        TableDescription table = dynamoDb.describeTable(describe -> describe.tableName(table())).table();

        assertTrue(table.tableName().startsWith("flowgate-sessions-test-"), table.tableName());
        assertEquals(BillingMode.PAY_PER_REQUEST, table.billingModeSummary().billingMode());
        assertEquals(Set.of(SessionTable.REFERENCE_INDEX, SessionTable.DUE_INDEX, SessionTable.WEBHOOK_INDEX,
                SessionTable.FAILED_WEBHOOK_INDEX, SessionTable.CALLER_FLOW_INDEX),
                table.globalSecondaryIndexes().stream().map(GlobalSecondaryIndexDescription::indexName)
                        .collect(Collectors.toSet()));
    }

    @Test
    void listsARestrictedCallersFewFailuresWithoutReadingTheManyOfOtherFlows() {
        for (int i = 0; i < 300; i++) {
            store.create(failedIn("everyone", String.format("s-other-%03d", i), T0.plusSeconds(1_000 + i)));
        }
        for (int i = 0; i < 3; i++) {
            store.create(failedIn("legal-entities", "s-mine-" + i, T0.plusSeconds(i)));
        }
        CountingDynamoDbClient counting = new CountingDynamoDbClient(dynamoDb);
        DynamoDbSessionStore counted = new DynamoDbSessionStore(counting, table(), Duration.ofDays(30));

        List<SessionRecord> mine = counted.findFailedWebhooks(Set.of("legal-entities"), null, 51);

        assertEquals(List.of("s-mine-2", "s-mine-1", "s-mine-0"), mine.stream().map(SessionRecord::sessionId).toList());
        assertEquals(1, counting.queries);
        assertEquals(3, counting.itemsExamined, "only the caller's flow's failures are read");
        assertTrue(counting.capacityUnits > 0 && counting.capacityUnits <= 1.0,
                "consumed " + counting.capacityUnits + " read units");

        CountingDynamoDbClient both = new CountingDynamoDbClient(dynamoDb);
        List<SessionRecord> newest = new DynamoDbSessionStore(both, table(), Duration.ofDays(30))
                .findFailedWebhooks(Set.of("legal-entities", "everyone"), null, 11);

        assertEquals(java.util.stream.IntStream.range(0, 11).mapToObj(i -> String.format("s-other-%03d", 299 - i)).toList(),
                newest.stream().map(SessionRecord::sessionId).toList());
        assertEquals(2, both.queries, "one query per flow");
        assertEquals(14, both.itemsExamined, "at most the limit of each flow: 11 of everyone, the 3 of legal-entities");
    }

    @Test
    void listsACallersSessionsByQueryOnlyReadingItsOwnPartitionsAndNoMoreThanThePageNeeds() {
        for (int i = 0; i < 200; i++) {
            store.create(in("everyone", "other-shop", String.format("s-theirs-%03d", i), "order-1",
                    T0.plusSeconds(1_000 + i)));
            store.create(in("legal-entities", "shop-backend", String.format("s-unlisted-%03d", i), null,
                    T0.plusSeconds(1_000 + i)));
        }
        for (int i = 0; i < 30; i++) {
            store.create(in(i % 2 == 0 ? "everyone" : "individuals", "shop-backend", String.format("s-mine-%03d", i),
                    "order-1", T0.plusSeconds(i)));
        }
        CountingDynamoDbClient counting = new CountingDynamoDbClient(dynamoDb);
        DynamoDbSessionStore counted = new DynamoDbSessionStore(counting, table(), Duration.ofDays(30));

        List<SessionRecord> page = counted.listSessions(
                SessionStoreContract.listing("shop-backend", Set.of("everyone", "individuals")), 6);

        assertEquals(List.of("s-mine-029", "s-mine-028", "s-mine-027", "s-mine-026", "s-mine-025", "s-mine-024"),
                page.stream().map(SessionRecord::sessionId).toList());
        assertEquals(2, counting.queries, "one Query per flow, no Scan (the counting client has none)");
        assertEquals(12, counting.itemsExamined, "at most the limit of each of the caller's flows");

        CountingDynamoDbClient byReference = new CountingDynamoDbClient(dynamoDb);
        List<SessionRecord> referenced = new DynamoDbSessionStore(byReference, table(), Duration.ofDays(30))
                .listSessions(new SessionListing("shop-backend", Set.of("everyone"), null, "order-1", null, null,
                        null), 3);

        assertEquals(List.of("s-mine-028", "s-mine-026", "s-mine-024"),
                referenced.stream().map(SessionRecord::sessionId).toList());
        assertEquals(1, byReference.queries, "the reference index: the caller's sessions with that reference");
        assertEquals(30, byReference.itemsExamined, "not the 200 of another caller with the same reference");
    }

    private String table() {
        return config.store().dynamodb().table();
    }
}
