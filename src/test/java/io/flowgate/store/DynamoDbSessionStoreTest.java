package io.flowgate.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowgate.config.FlowgateConfig;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
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
    void createdTheTableWithItsThreeIndexesAndOnDemandBillingAtStartup() {
        TableDescription table = dynamoDb.describeTable(describe -> describe.tableName(table())).table();

        assertTrue(table.tableName().startsWith("flowgate-sessions-test-"), table.tableName());
        assertEquals(BillingMode.PAY_PER_REQUEST, table.billingModeSummary().billingMode());
        assertEquals(Set.of(SessionTable.REFERENCE_INDEX, SessionTable.DUE_INDEX, SessionTable.WEBHOOK_INDEX),
                table.globalSecondaryIndexes().stream().map(GlobalSecondaryIndexDescription::indexName)
                        .collect(Collectors.toSet()));
    }

    private String table() {
        return config.store().dynamodb().table();
    }
}
