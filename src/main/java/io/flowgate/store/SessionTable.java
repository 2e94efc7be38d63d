package io.flowgate.store;

import static io.flowgate.store.SessionItems.CALLER_FLOW;
import static io.flowgate.store.SessionItems.CALLER_REFERENCE;
import static io.flowgate.store.SessionItems.CREATED_KEY;
import static io.flowgate.store.SessionItems.CREATED_AT;
import static io.flowgate.store.SessionItems.DUE_AT;
import static io.flowgate.store.SessionItems.DUE_KIND;
import static io.flowgate.store.SessionItems.SESSION_ID;
import static io.flowgate.store.SessionItems.TTL;
import static io.flowgate.store.WebhookItems.FAILED_WEBHOOK_FLOW;
import static io.flowgate.store.WebhookItems.FAILED_WEBHOOK_KEY;
import static io.flowgate.store.WebhookItems.WEBHOOK_AT;
import static io.flowgate.store.WebhookItems.WEBHOOK_STATE;

import io.flowgate.config.FlowgateConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * Creates the sessions table as {@link DynamoDbSessionStore} describes it, with its five indexes and its TTL,
 * when {@code flowgate.store.dynamodb.create-table} is true (dev and tests; {@link TableCreationAtStartup}). Idempotent: an existing table is
 * left as it is, apart from switching its TTL on.
 */
@ApplicationScoped
public class SessionTable {

    static final String REFERENCE_INDEX = "reference-index";
    static final String DUE_INDEX = "due-index";
    static final String WEBHOOK_INDEX = "webhook-index";
    static final String FAILED_WEBHOOK_INDEX = "failed-webhook-index";
    static final String CALLER_FLOW_INDEX = "caller-flow-index";

    private static final Logger LOG = Logger.getLogger(SessionTable.class);
    private static final Set<TimeToLiveStatus> TTL_ON = Set.of(TimeToLiveStatus.ENABLED, TimeToLiveStatus.ENABLING);

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Duration pollInterval;
    private final Duration waitAtMost;

    @Inject
    SessionTable(DynamoDbClient dynamoDb, FlowgateConfig config) {
        this(dynamoDb, config.store().dynamodb().table(), Duration.ofMillis(200), Duration.ofMinutes(2));
    }

    SessionTable(DynamoDbClient dynamoDb, String table, Duration pollInterval, Duration waitAtMost) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.pollInterval = pollInterval;
        this.waitAtMost = waitAtMost;
    }

    /** Creates the table unless it exists, waits until it and its indexes are ACTIVE, and switches TTL on. */
    public void createIfMissing() {
        try {
            dynamoDb.createTable(definition(table));
            LOG.infof("store.table.created table=%s", table);
        } catch (ResourceInUseException e) {
            LOG.debugf("store.table.exists table=%s", table);
        }
        awaitActive();
        enableTtl();
    }

    static CreateTableRequest definition(String table) {
        return CreateTableRequest.builder()
                .tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        attribute(SESSION_ID, ScalarAttributeType.S),
                        attribute(CALLER_REFERENCE, ScalarAttributeType.S),
                        attribute(CREATED_AT, ScalarAttributeType.N),
                        attribute(DUE_KIND, ScalarAttributeType.S),
                        attribute(DUE_AT, ScalarAttributeType.N),
                        attribute(WEBHOOK_STATE, ScalarAttributeType.S),
                        attribute(WEBHOOK_AT, ScalarAttributeType.N),
                        attribute(FAILED_WEBHOOK_FLOW, ScalarAttributeType.S),
                        attribute(FAILED_WEBHOOK_KEY, ScalarAttributeType.S),
                        attribute(CALLER_FLOW, ScalarAttributeType.S),
                        attribute(CREATED_KEY, ScalarAttributeType.S))
                .keySchema(key(SESSION_ID, KeyType.HASH))
                .globalSecondaryIndexes(
                        index(REFERENCE_INDEX, CALLER_REFERENCE, CREATED_AT),
                        index(DUE_INDEX, DUE_KIND, DUE_AT),
                        index(WEBHOOK_INDEX, WEBHOOK_STATE, WEBHOOK_AT),
                        index(FAILED_WEBHOOK_INDEX, FAILED_WEBHOOK_FLOW, FAILED_WEBHOOK_KEY),
                        index(CALLER_FLOW_INDEX, CALLER_FLOW, CREATED_KEY))
                .build();
    }

    private void awaitActive() {
        long deadline = System.nanoTime() + waitAtMost.toNanos();
        while (!active(dynamoDb.describeTable(request -> request.tableName(table)).table())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("DynamoDB table " + table + " is not ACTIVE after " + waitAtMost);
            }
            sleep();
        }
    }

    private static boolean active(TableDescription description) {
        return description.tableStatus() == TableStatus.ACTIVE
                && description.globalSecondaryIndexes().stream()
                        .allMatch(index -> index.indexStatus() == IndexStatus.ACTIVE);
    }

    private void enableTtl() {
        TimeToLiveStatus status = dynamoDb.describeTimeToLive(request -> request.tableName(table))
                .timeToLiveDescription().timeToLiveStatus();
        if (TTL_ON.contains(status)) {
            return;
        }
        try {
            dynamoDb.updateTimeToLive(request -> request.tableName(table)
                    .timeToLiveSpecification(ttl -> ttl.attributeName(TTL).enabled(true)));
            LOG.infof("store.table.ttl-enabled table=%s attribute=%s", table, TTL);
        } catch (DynamoDbException e) {
            if (!unknownOperation(e)) {
                throw e;
            }
            LOG.warnf("store.table.ttl-unsupported table=%s: this endpoint has no TTL, sessions never expire", table);
        }
    }

    /** DynamoDB look-alikes used in tests (dynalite) do not implement UpdateTimeToLive. */
    private static boolean unknownOperation(DynamoDbException e) {
        return e.awsErrorDetails() != null && "UnknownOperationException".equals(e.awsErrorDetails().errorCode());
    }

    private void sleep() {
        try {
            Thread.sleep(pollInterval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for DynamoDB table " + table, e);
        }
    }

    private static AttributeDefinition attribute(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static GlobalSecondaryIndex index(String name, String partitionKey, String sortKey) {
        return GlobalSecondaryIndex.builder()
                .indexName(name)
                .keySchema(key(partitionKey, KeyType.HASH), key(sortKey, KeyType.RANGE))
                .projection(projection -> projection.projectionType(ProjectionType.ALL))
                .build();
    }
}
