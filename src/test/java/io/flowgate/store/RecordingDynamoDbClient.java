package io.flowgate.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.CreateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTimeToLiveRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTimeToLiveResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveResponse;

/** A {@link DynamoDbClient} that keeps every request it gets and answers as a test sets it up. */
class RecordingDynamoDbClient implements DynamoDbClient {

    final List<Object> requests = new ArrayList<>();
    final Deque<QueryResponse> queryAnswers = new ArrayDeque<>();
    final Deque<DescribeTableResponse> tableDescriptions = new ArrayDeque<>();
    GetItemResponse getItemAnswer = GetItemResponse.builder().build();
    TimeToLiveStatus timeToLiveStatus = TimeToLiveStatus.DISABLED;
    private final Map<Class<?>, RuntimeException> failures = new HashMap<>();

    /** The next request of that type is kept, then answered with {@code failure}. */
    void failOnce(Class<?> requestType, RuntimeException failure) {
        failures.put(requestType, failure);
    }

    <T> List<T> requests(Class<T> type) {
        return requests.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Override
    public PutItemResponse putItem(PutItemRequest request) {
        record(request);
        return PutItemResponse.builder().build();
    }

    @Override
    public GetItemResponse getItem(GetItemRequest request) {
        record(request);
        return getItemAnswer;
    }

    @Override
    public QueryResponse query(QueryRequest request) {
        record(request);
        return queryAnswers.isEmpty() ? QueryResponse.builder().build() : queryAnswers.pop();
    }

    @Override
    public CreateTableResponse createTable(CreateTableRequest request) {
        record(request);
        return CreateTableResponse.builder().build();
    }

    @Override
    public DescribeTableResponse describeTable(DescribeTableRequest request) {
        record(request);
        return tableDescriptions.size() > 1 ? tableDescriptions.pop() : tableDescriptions.peek();
    }

    @Override
    public DescribeTimeToLiveResponse describeTimeToLive(DescribeTimeToLiveRequest request) {
        record(request);
        return DescribeTimeToLiveResponse.builder()
                .timeToLiveDescription(ttl -> ttl.timeToLiveStatus(timeToLiveStatus))
                .build();
    }

    @Override
    public UpdateTimeToLiveResponse updateTimeToLive(UpdateTimeToLiveRequest request) {
        record(request);
        return UpdateTimeToLiveResponse.builder().build();
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
    }

    private void record(Object request) {
        requests.add(request);
        RuntimeException failure = failures.remove(request.getClass());
        if (failure != null) {
            throw failure;
        }
    }
}
