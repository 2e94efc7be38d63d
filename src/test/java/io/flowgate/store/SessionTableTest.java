package io.flowgate.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;

class SessionTableTest {

    private final RecordingDynamoDbClient dynamoDb = new RecordingDynamoDbClient();
    private final SessionTable table = new SessionTable(dynamoDb, "sessions", Duration.ZERO, Duration.ofSeconds(5));

    @BeforeEach
    void activeTable() {
        dynamoDb.tableDescriptions.add(description(TableStatus.ACTIVE, IndexStatus.ACTIVE));
    }

    @Test
    void createsTheTableOnDemandKeyedBySessionIdWithItsFiveIndexes() {
        table.createIfMissing();

        CreateTableRequest create = dynamoDb.requests(CreateTableRequest.class).get(0);
        assertEquals("sessions", create.tableName());
        assertEquals(BillingMode.PAY_PER_REQUEST, create.billingMode());
        assertEquals(List.of(key("sessionId", KeyType.HASH)), create.keySchema());
        assertEquals(List.of(
                attribute("sessionId", ScalarAttributeType.S),
                attribute("callerReference", ScalarAttributeType.S),
                attribute("createdAt", ScalarAttributeType.N),
                attribute("dueKind", ScalarAttributeType.S),
                attribute("dueAt", ScalarAttributeType.N),
                attribute("webhookState", ScalarAttributeType.S),
                attribute("webhookAt", ScalarAttributeType.N),
                attribute("failedWebhookFlow", ScalarAttributeType.S),
                attribute("failedWebhookKey", ScalarAttributeType.S),
                attribute("callerFlow", ScalarAttributeType.S),
                attribute("createdKey", ScalarAttributeType.S)), create.attributeDefinitions());
        assertEquals(List.of("reference-index", "due-index", "webhook-index", "failed-webhook-index",
                "caller-flow-index"),
                create.globalSecondaryIndexes().stream().map(GlobalSecondaryIndex::indexName).toList());
        assertIndex(create.globalSecondaryIndexes().get(0), "callerReference", "createdAt");
        assertIndex(create.globalSecondaryIndexes().get(1), "dueKind", "dueAt");
        assertIndex(create.globalSecondaryIndexes().get(2), "webhookState", "webhookAt");
        assertIndex(create.globalSecondaryIndexes().get(3), "failedWebhookFlow", "failedWebhookKey");
        assertIndex(create.globalSecondaryIndexes().get(4), "callerFlow", "createdKey");
    }

    @Test
    void switchesTimeToLiveOnForTheTtlAttribute() {
        table.createIfMissing();

        UpdateTimeToLiveRequest ttl = dynamoDb.requests(UpdateTimeToLiveRequest.class).get(0);
        assertEquals("sessions", ttl.tableName());
        assertEquals("ttl", ttl.timeToLiveSpecification().attributeName());
        assertTrue(ttl.timeToLiveSpecification().enabled());
    }

    @Test
    void leavesAnExistingTableAsItIs() {
        dynamoDb.failOnce(CreateTableRequest.class, ResourceInUseException.builder().message("exists").build());
        dynamoDb.timeToLiveStatus = TimeToLiveStatus.ENABLED;

        table.createIfMissing();

        assertEquals(List.of(), dynamoDb.requests(UpdateTimeToLiveRequest.class));
    }

    @Test
    void waitsUntilTheTableAndItsIndexesAreActive() {
        dynamoDb.tableDescriptions.clear();
        dynamoDb.tableDescriptions.add(description(TableStatus.CREATING, IndexStatus.CREATING));
        dynamoDb.tableDescriptions.add(description(TableStatus.ACTIVE, IndexStatus.CREATING));
        dynamoDb.tableDescriptions.add(description(TableStatus.ACTIVE, IndexStatus.ACTIVE));

        table.createIfMissing();

        assertEquals(3, dynamoDb.requests(DescribeTableRequest.class).size());
    }

    @Test
    void givesUpWaitingForATableThatStaysInactive() {
        dynamoDb.tableDescriptions.clear();
        dynamoDb.tableDescriptions.add(description(TableStatus.CREATING, IndexStatus.CREATING));
        SessionTable impatient = new SessionTable(dynamoDb, "sessions", Duration.ZERO, Duration.ofMillis(50));

        IllegalStateException stuck = assertThrows(IllegalStateException.class, impatient::createIfMissing);

        assertEquals("DynamoDB table sessions is not ACTIVE after PT0.05S", stuck.getMessage());
    }

    @Test
    void goesOnWithoutTimeToLiveWhereTheEndpointHasNone() {
        dynamoDb.failOnce(UpdateTimeToLiveRequest.class, DynamoDbException.builder()
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("UnknownOperationException").build())
                .build());

        table.createIfMissing();

        assertEquals(1, dynamoDb.requests(UpdateTimeToLiveRequest.class).size());
    }

    private static void assertIndex(GlobalSecondaryIndex index, String partitionKey, String sortKey) {
        assertEquals(List.of(key(partitionKey, KeyType.HASH), key(sortKey, KeyType.RANGE)), index.keySchema());
        assertEquals(ProjectionType.ALL, index.projection().projectionType());
    }

    private static DescribeTableResponse description(TableStatus tableStatus, IndexStatus indexStatus) {
        return DescribeTableResponse.builder()
                .table(table -> table.tableName("sessions").tableStatus(tableStatus).globalSecondaryIndexes(
                        index -> index.indexName("reference-index").indexStatus(indexStatus),
                        index -> index.indexName("due-index").indexStatus(IndexStatus.ACTIVE)))
                .build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static AttributeDefinition attribute(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }
}
