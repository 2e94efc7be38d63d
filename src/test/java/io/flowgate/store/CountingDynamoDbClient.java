package io.flowgate.store;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

/**
 * Passes queries on to a real DynamoDB (dynalite) and counts what they cost: how many, the items each examined
 * ({@code ScannedCount}, before any filter) and the read capacity they consumed (asked for with
 * {@code ReturnConsumedCapacity=TOTAL}).
 */
final class CountingDynamoDbClient implements DynamoDbClient {

    private final DynamoDbClient dynamoDb;
    int queries;
    int itemsExamined;
    double capacityUnits;

    CountingDynamoDbClient(DynamoDbClient dynamoDb) {
        this.dynamoDb = dynamoDb;
    }

    @Override
    public QueryResponse query(QueryRequest request) {
        QueryResponse response = dynamoDb.query(request.toBuilder()
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build());
        queries++;
        itemsExamined += response.scannedCount();
        if (response.consumedCapacity() != null) {
            capacityUnits += response.consumedCapacity().capacityUnits();
        }
        return response;
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
    }
}
