package io.flowgate.store;

import static io.flowgate.store.SessionStoreContract.T0;
import static io.flowgate.store.SessionStoreContract.created;
import static io.flowgate.store.SessionStoreContract.pending;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** The exact requests the DynamoDB store sends: its conditions, indexes, order and paging. */
class DynamoDbSessionStoreRequestsTest {

    private final RecordingDynamoDbClient dynamoDb = new RecordingDynamoDbClient();
    private final DynamoDbSessionStore store = new DynamoDbSessionStore(dynamoDb, "sessions", Duration.ofDays(30));
    private final SessionItems items = new SessionItems(Duration.ofDays(30));

    @Test
    void createPutsTheItemOnlyIfNoSessionHasItsId() {
        SessionRecord session = created("s-1", "order-1", T0);

        store.create(session);

        PutItemRequest put = dynamoDb.requests(PutItemRequest.class).get(0);
        assertEquals("sessions", put.tableName());
        assertEquals("attribute_not_exists(sessionId)", put.conditionExpression());
        assertFalse(put.hasExpressionAttributeNames());
        assertFalse(put.hasExpressionAttributeValues());
        assertEquals(items.toItem(session), put.item());
    }

    @Test
    void createOfATakenIdFailsAsSessionAlreadyExists() {
        dynamoDb.failOnce(PutItemRequest.class, ConditionalCheckFailedException.builder().message("taken").build());

        SessionAlreadyExistsException refused = assertThrows(SessionAlreadyExistsException.class,
                () -> store.create(created("s-1", "order-1", T0)));

        assertEquals("Session s-1 is already stored", refused.getMessage());
    }

    @Test
    void updatePutsTheItemOnlyIfTheStoredVersionIsTheOneBefore() {
        SessionRecord atVersion3 = pending(pending(created("s-1", "order-1", T0), "{}"), "{\"a\":1}");

        store.update(atVersion3);

        PutItemRequest put = dynamoDb.requests(PutItemRequest.class).get(0);
        assertEquals("sessions", put.tableName());
        assertEquals("#version = :expected", put.conditionExpression());
        assertEquals(Map.of("#version", "version"), put.expressionAttributeNames());
        assertEquals(Map.of(":expected", AttributeValue.fromN("2")), put.expressionAttributeValues());
        assertEquals(items.toItem(atVersion3), put.item());
    }

    @Test
    void updateThatLosesItsConditionFailsAsConcurrentUpdate() {
        dynamoDb.failOnce(PutItemRequest.class, ConditionalCheckFailedException.builder().message("lost").build());

        ConcurrentUpdateException lost = assertThrows(ConcurrentUpdateException.class,
                () -> store.update(pending(created("s-1", "order-1", T0), "{}")));

        assertEquals("Session s-1 is no longer at version 1", lost.getMessage());
    }

    @Test
    void findReadsTheItemByItsKeyConsistently() {
        store.find("s-1");

        GetItemRequest get = dynamoDb.requests(GetItemRequest.class).get(0);
        assertEquals("sessions", get.tableName());
        assertEquals(Map.of("sessionId", AttributeValue.fromS("s-1")), get.key());
        assertTrue(get.consistentRead());
    }

    @Test
    void findByReferenceQueriesTheReferenceIndexByCallerAndReferenceForTheNewestOne() {
        store.findByReference("shop-backend", "order-1");

        QueryRequest query = dynamoDb.requests(QueryRequest.class).get(0);
        assertEquals("reference-index", query.indexName());
        assertEquals("#reference = :reference", query.keyConditionExpression());
        assertEquals(Map.of("#reference", "callerReference"), query.expressionAttributeNames());
        assertEquals(Map.of(":reference", AttributeValue.fromS("shop-backend/order-1")),
                query.expressionAttributeValues());
        assertFalse(query.scanIndexForward());
        assertEquals(1, query.limit());
    }

    @Test
    void findDueCollectionsQueriesTheDueIndexEarliestFirstUpToTheInstant() {
        store.findDueCollections(T0, 25);

        QueryRequest query = dynamoDb.requests(QueryRequest.class).get(0);
        assertEquals("due-index", query.indexName());
        assertEquals("#kind = :kind AND #dueAt <= :now", query.keyConditionExpression());
        assertEquals(Map.of("#kind", "dueKind", "#dueAt", "dueAt"), query.expressionAttributeNames());
        assertEquals(Map.of(":kind", AttributeValue.fromS("collect"),
                ":now", AttributeValue.fromN(Long.toString(T0.toEpochMilli()))),
                query.expressionAttributeValues());
        assertTrue(query.scanIndexForward());
        assertEquals(25, query.limit());
        assertFalse(query.hasExclusiveStartKey());
    }

    @Test
    void findDueVideoCopiesQueriesTheVideoPartitionOfTheDueIndex() {
        store.findDueVideoCopies(T0, 10);

        QueryRequest query = dynamoDb.requests(QueryRequest.class).get(0);
        assertEquals("due-index", query.indexName());
        assertEquals("#kind = :kind AND #dueAt <= :now", query.keyConditionExpression());
        assertEquals(Map.of(":kind", AttributeValue.fromS("video"),
                ":now", AttributeValue.fromN(Long.toString(T0.toEpochMilli()))),
                query.expressionAttributeValues());
        assertTrue(query.scanIndexForward());
    }

    @Test
    void findDueCollectionsPagesOnUntilItHasTheLimit() {
        Map<String, AttributeValue> firstPageEnd = Map.of("sessionId", AttributeValue.fromS("s-1"));
        dynamoDb.queryAnswers.add(page(firstPageEnd, "s-1"));
        dynamoDb.queryAnswers.add(page(Map.of("sessionId", AttributeValue.fromS("s-3")), "s-2", "s-3"));

        List<SessionRecord> unfinished = store.findDueCollections(T0.plusSeconds(60), 3);

        assertEquals(List.of("s-1", "s-2", "s-3"), unfinished.stream().map(SessionRecord::sessionId).toList());
        List<QueryRequest> queries = dynamoDb.requests(QueryRequest.class);
        assertEquals(2, queries.size());
        assertEquals(2, queries.get(1).limit());
        assertEquals(firstPageEnd, queries.get(1).exclusiveStartKey());
    }

    @Test
    void findDueCollectionsStopsWhereTheIndexEnds() {
        dynamoDb.queryAnswers.add(page(Map.of(), "s-1"));

        List<SessionRecord> unfinished = store.findDueCollections(T0.plusSeconds(60), 10);

        assertEquals(1, unfinished.size());
        assertEquals(1, dynamoDb.requests(QueryRequest.class).size());
    }

    @Test
    void findDueWebhooksQueriesTheWebhookIndexForPendingOnesDueByNowEarliestFirst() {
        store.findDueWebhooks(T0, 25);

        QueryRequest query = dynamoDb.requests(QueryRequest.class).get(0);
        assertEquals("webhook-index", query.indexName());
        assertEquals("#state = :pending AND #at <= :now", query.keyConditionExpression());
        assertEquals(Map.of("#state", "webhookState", "#at", "webhookAt"), query.expressionAttributeNames());
        assertEquals(Map.of(":pending", AttributeValue.fromS("PENDING"),
                ":now", AttributeValue.fromN(Long.toString(T0.toEpochMilli()))), query.expressionAttributeValues());
        assertTrue(query.scanIndexForward());
        assertEquals(25, query.limit());
    }

    @Test
    void findFailedWebhooksQueriesEachFlowsPartitionOfTheFailedWebhookIndexNewestFirstWithoutAFilter() {
        store.findFailedWebhooks(java.util.Set.of("individuals", "everyone"), null, 10);

        List<QueryRequest> queries = dynamoDb.requests(QueryRequest.class);
        assertEquals(2, queries.size());
        for (int i = 0; i < 2; i++) {
            QueryRequest query = queries.get(i);
            assertEquals("failed-webhook-index", query.indexName());
            assertEquals("#flow = :flow", query.keyConditionExpression());
            assertEquals(null, query.filterExpression());
            assertEquals(Map.of("#flow", "failedWebhookFlow"), query.expressionAttributeNames());
            assertEquals(Map.of(":flow", AttributeValue.fromS(List.of("everyone", "individuals").get(i))),
                    query.expressionAttributeValues());
            assertFalse(query.scanIndexForward());
            assertEquals(10, query.limit());
        }
    }

    @Test
    void listSessionsQueriesTheCallersPartitionOfEachFlowNewestFirstWithinTheTimeFiltersAndStatusAsAFilter() {
        store.listSessions(new SessionListing("shop-backend", java.util.Set.of("individuals", "everyone"),
                SessionStatus.COMPLETED, null, Instant.ofEpochMilli(1_772_443_000_000L), null,
                new SessionPosition(Instant.ofEpochMilli(1_772_443_240_123L), "s-9")), 5);

        List<QueryRequest> queries = dynamoDb.requests(QueryRequest.class);
        assertEquals(2, queries.size());
        for (int i = 0; i < 2; i++) {
            QueryRequest query = queries.get(i);
            assertEquals("caller-flow-index", query.indexName());
            assertEquals("#callerFlow = :callerFlow AND #createdKey BETWEEN :from AND :to",
                    query.keyConditionExpression());
            assertEquals("#status = :status", query.filterExpression());
            assertEquals(Map.of("#callerFlow", "callerFlow", "#createdKey", "createdKey", "#status", "status"),
                    query.expressionAttributeNames());
            assertEquals(Map.of(
                    ":callerFlow", AttributeValue.fromS("shop-backend/" + List.of("everyone", "individuals").get(i)),
                    ":from", AttributeValue.fromS("001772443000000"),
                    ":to", AttributeValue.fromS("001772443240123#s-9"),
                    ":status", AttributeValue.fromS("COMPLETED")), query.expressionAttributeValues());
            assertFalse(query.scanIndexForward());
            assertEquals(6, query.limit(), "the limit, and the position's own session the inclusive bound finds");
        }
    }

    @Test
    void listSessionsWithoutFiltersReadsTheWholePartitionUpToTheLimit() {
        store.listSessions(new SessionListing("shop-backend", java.util.Set.of("everyone"), null, null, null,
                Instant.ofEpochMilli(1_772_443_000_000L), null), 20);

        QueryRequest query = dynamoDb.requests(QueryRequest.class).get(0);
        assertEquals(null, query.filterExpression());
        assertEquals(Map.of(":callerFlow", AttributeValue.fromS("shop-backend/everyone"),
                ":from", AttributeValue.fromS("000000000000000"), ":to", AttributeValue.fromS("001772443000000")),
                query.expressionAttributeValues());
        assertEquals(20, query.limit());
    }

    @Test
    void findFailedWebhooksAfterAPositionStartsEachFlowRightBelowItsKey() {
        store.findFailedWebhooks(java.util.Set.of("everyone"),
                new FailedWebhookPosition(Instant.ofEpochMilli(1_772_443_240_123L), "s-9"), 5);

        QueryRequest query = dynamoDb.requests(QueryRequest.class).get(0);
        assertEquals("#flow = :flow AND #key < :after", query.keyConditionExpression());
        assertEquals(Map.of("#flow", "failedWebhookFlow", "#key", "failedWebhookKey"), query.expressionAttributeNames());
        assertEquals(Map.of(":flow", AttributeValue.fromS("everyone"), ":after", AttributeValue.fromS("001772443240123#s-9")),
                query.expressionAttributeValues());
        assertEquals(5, query.limit());
    }

    @Test
    void findFailedWebhooksOfNoFlowAsksNothing() {
        assertEquals(List.of(), store.findFailedWebhooks(java.util.Set.of(), null, 10));
        assertEquals(List.of(), dynamoDb.requests(QueryRequest.class));
    }

    private QueryResponse page(Map<String, AttributeValue> lastEvaluatedKey, String... sessionIds) {
        return QueryResponse.builder()
                .items(List.of(sessionIds).stream().map(id -> items.toItem(created(id, null, T0))).toList())
                .lastEvaluatedKey(lastEvaluatedKey)
                .build();
    }
}
