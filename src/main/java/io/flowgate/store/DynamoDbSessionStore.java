package io.flowgate.store;

import static io.flowgate.store.SessionItems.CALLER_FLOW;
import static io.flowgate.store.SessionItems.CALLER_REFERENCE;
import static io.flowgate.store.SessionItems.CREATED_KEY;
import static io.flowgate.store.SessionItems.CREATED_AT;
import static io.flowgate.store.SessionItems.DUE_AT;
import static io.flowgate.store.SessionItems.DUE_KIND;
import static io.flowgate.store.SessionItems.VERSION;
import static io.flowgate.store.WebhookItems.FAILED_WEBHOOK_FLOW;
import static io.flowgate.store.WebhookItems.FAILED_WEBHOOK_KEY;
import static io.flowgate.store.WebhookItems.WEBHOOK_AT;
import static io.flowgate.store.WebhookItems.WEBHOOK_STATE;

import io.flowgate.config.FlowgateConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Sessions in one DynamoDB table ({@code flowgate.store.dynamodb.table}), through the low-level synchronous
 * client. Every write is a conditional {@code PutItem} of the whole item.
 *
 * <p>The table (created by {@link SessionTable} in dev and tests, by the deployment in production):
 * <ul>
 * <li>partition key {@code sessionId} (S), no sort key; on-demand billing;</li>
 * <li>one attribute per {@link SessionRecord} field, as {@link SessionItems} writes them: instants as epoch
 * milliseconds (N), {@code technologies} and {@code decisionReasons} as L of S, {@code status} as S,
 * {@code resultJson} as S (the vendor's JSON verbatim), {@code version} as N; a null field has no attribute;</li>
 * <li>GSI {@value SessionTable#REFERENCE_INDEX}: partition {@code callerReference} (S: the caller's name, a
 * {@code /} and the reference; a reference never holds a {@code /}), sort {@code createdAt} (N), projection ALL;
 * sparse, since only a session with a caller and a reference has the attribute;</li>
 * <li>GSI {@value SessionTable#DUE_INDEX}: partition {@code dueKind} (S: {@code collect} while the session is
 * CREATED or PENDING, {@code video} while its video copy is DUE), sort {@code dueAt} (N, when that work is next
 * due), projection ALL; sparse, since both attributes are dropped by the write that ends that work;</li>
 * <li>GSI {@value SessionTable#WEBHOOK_INDEX}: partition {@code webhookState} (S, {@code PENDING}), sort
 * {@code webhookAt} (N, when the delivery is due), projection ALL; sparse, since both exist only while a webhook
 * delivery is pending;</li>
 * <li>GSI {@value SessionTable#FAILED_WEBHOOK_INDEX}: partition {@code failedWebhookFlow} (S, the flow), sort
 * {@code failedWebhookKey} (S, when it failed and the session id, see {@link WebhookItems#failedKey}), projection
 * ALL; sparse, since both exist only while a delivery has FAILED: a listing reads its caller's flows only;</li>
 * <li>GSI {@value SessionTable#CALLER_FLOW_INDEX}: partition {@code callerFlow} (S: the caller's name, a {@code /}
 * and the flow), sort {@code createdKey} (S: when it was created and the session id, see
 * {@link SessionItems#createdKey}), projection ALL; sparse, since only a session with a caller has them: the
 * session listing reads one partition per flow of its caller;</li>
 * <li>TTL on {@code ttl} (N, epoch <em>seconds</em>): {@code createdAt + flowgate.store.retention}.</li>
 * </ul>
 * {@link #find} reads consistently; the queries read a GSI, which is eventually consistent (a session
 * written a moment ago may not be listed yet). A bean of its own type only, created when
 * {@link SessionStoreProducer} chooses it.
 */
@ApplicationScoped
@Typed(DynamoDbSessionStore.class)
public class DynamoDbSessionStore implements SessionStore {

    /** The condition of {@link #create}: no session with that id is stored. */
    static final String CREATE_CONDITION = "attribute_not_exists(sessionId)";
    /** The condition of {@link #update}: the stored session is at the version before the new one. */
    static final String UPDATE_CONDITION = "#version = :expected";
    static final String REFERENCE_KEY_CONDITION = "#reference = :reference";
    static final String DUE_KEY_CONDITION = "#kind = :kind AND #dueAt <= :now";
    static final String DUE_WEBHOOKS_KEY_CONDITION = "#state = :pending AND #at <= :now";
    static final String FAILED_WEBHOOKS_KEY_CONDITION = "#flow = :flow";
    static final String FAILED_WEBHOOKS_AFTER_KEY_CONDITION = "#flow = :flow AND #key < :after";
    static final String LISTING_KEY_CONDITION = "#callerFlow = :callerFlow AND #createdKey BETWEEN :from AND :to";
    static final String LISTING_STATUS_FILTER = "#status = :status";
    /** The most items one Query is asked for. */
    private static final int MAX_QUERY_PAGE = 1000;
    /** Above every {@link SessionItems#createdKey}: 15 nines are some 31,000 years of epoch milliseconds. */
    private static final String LAST_CREATED_KEY = "999999999999999";

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final SessionItems items;

    @Inject
    DynamoDbSessionStore(DynamoDbClient dynamoDb, FlowgateConfig config) {
        this(dynamoDb, config.store().dynamodb().table(), config.store().retention());
    }

    DynamoDbSessionStore(DynamoDbClient dynamoDb, String table, Duration retention) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.items = new SessionItems(retention);
    }

    @Override
    public void create(SessionRecord session) {
        try {
            dynamoDb.putItem(PutItemRequest.builder()
                    .tableName(table)
                    .item(items.toItem(session))
                    .conditionExpression(CREATE_CONDITION)
                    .build());
        } catch (ConditionalCheckFailedException e) {
            throw new SessionAlreadyExistsException(session.sessionId());
        }
    }

    @Override
    public Optional<SessionRecord> find(String sessionId) {
        GetItemResponse response = dynamoDb.getItem(request -> request
                .tableName(table)
                .key(SessionItems.key(sessionId))
                .consistentRead(true));
        return response.hasItem() && !response.item().isEmpty()
                ? Optional.of(SessionItems.fromItem(response.item()))
                : Optional.empty();
    }

    @Override
    public Optional<SessionRecord> findByReference(String caller, String reference) {
        QueryResponse response = dynamoDb.query(QueryRequest.builder()
                .tableName(table)
                .indexName(SessionTable.REFERENCE_INDEX)
                .keyConditionExpression(REFERENCE_KEY_CONDITION)
                .expressionAttributeNames(Map.of("#reference", CALLER_REFERENCE))
                .expressionAttributeValues(Map.of(":reference",
                        SessionItems.string(SessionItems.callerReference(caller, reference))))
                .scanIndexForward(false)
                .limit(1)
                .build());
        return response.items().stream().findFirst().map(SessionItems::fromItem);
    }

    @Override
    public void update(SessionRecord updated) {
        long expected = updated.version() - 1;
        try {
            dynamoDb.putItem(PutItemRequest.builder()
                    .tableName(table)
                    .item(items.toItem(updated))
                    .conditionExpression(UPDATE_CONDITION)
                    .expressionAttributeNames(Map.of("#version", VERSION))
                    .expressionAttributeValues(Map.of(":expected", SessionItems.number(expected)))
                    .build());
        } catch (ConditionalCheckFailedException e) {
            throw new ConcurrentUpdateException(updated.sessionId(), expected);
        }
    }

    @Override
    public List<SessionRecord> findDueCollections(Instant now, int limit) {
        return due(SessionItems.COLLECT, now, limit);
    }

    @Override
    public List<SessionRecord> findDueVideoCopies(Instant now, int limit) {
        return due(SessionItems.VIDEO_COPY_DUE, now, limit);
    }

    private List<SessionRecord> due(String kind, Instant now, int limit) {
        return collect(QueryRequest.builder()
                .tableName(table)
                .indexName(SessionTable.DUE_INDEX)
                .keyConditionExpression(DUE_KEY_CONDITION)
                .expressionAttributeNames(Map.of("#kind", DUE_KIND, "#dueAt", DUE_AT))
                .expressionAttributeValues(Map.of(":kind", SessionItems.string(kind), ":now", SessionItems.millis(now)))
                .scanIndexForward(true), limit);
    }

    @Override
    public List<SessionRecord> findDueWebhooks(Instant now, int limit) {
        return collect(QueryRequest.builder()
                .tableName(table)
                .indexName(SessionTable.WEBHOOK_INDEX)
                .keyConditionExpression(DUE_WEBHOOKS_KEY_CONDITION)
                .expressionAttributeNames(Map.of("#state", WEBHOOK_STATE, "#at", WEBHOOK_AT))
                .expressionAttributeValues(Map.of(
                        ":pending", SessionItems.string(WebhookDelivery.State.PENDING.name()),
                        ":now", SessionItems.millis(now)))
                .scanIndexForward(true), limit);
    }

    /**
     * Queries {@value SessionTable#FAILED_WEBHOOK_INDEX} once per flow (its partition), each newest first from
     * right after {@code after} and for {@code limit} sessions at most, and merges them: only the given flows'
     * failed deliveries are read, at most {@code limit} of each.
     */
    @Override
    public List<SessionRecord> findFailedWebhooks(Set<String> flows, FailedWebhookPosition after, int limit) {
        List<SessionRecord> found = new ArrayList<>();
        for (String flow : new TreeSet<>(flows)) {
            found.addAll(failedWebhooks(flow, after, limit));
        }
        found.sort(Comparator.comparing(FailedWebhookPosition::of, FailedWebhookPosition.LISTING_ORDER));
        return List.copyOf(found.subList(0, Math.min(limit, found.size())));
    }

    private List<SessionRecord> failedWebhooks(String flow, FailedWebhookPosition after, int limit) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":flow", SessionItems.string(flow));
        if (after != null) {
            values.put(":after", SessionItems.string(WebhookItems.failedKey(after)));
        }
        return collect(QueryRequest.builder()
                .tableName(table)
                .indexName(SessionTable.FAILED_WEBHOOK_INDEX)
                .keyConditionExpression(after == null ? FAILED_WEBHOOKS_KEY_CONDITION : FAILED_WEBHOOKS_AFTER_KEY_CONDITION)
                .expressionAttributeNames(after == null ? Map.of("#flow", FAILED_WEBHOOK_FLOW)
                        : Map.of("#flow", FAILED_WEBHOOK_FLOW, "#key", FAILED_WEBHOOK_KEY))
                .expressionAttributeValues(values)
                .scanIndexForward(false), limit);
    }

    /**
     * With a reference, queries {@value SessionTable#REFERENCE_INDEX} (that caller's sessions with that reference:
     * a handful) and filters them here. Otherwise queries {@value SessionTable#CALLER_FLOW_INDEX} once per flow
     * (the caller's partition of that flow), each newest first, within the time filters and from right after
     * {@code listing.after()}, the status filter applied by DynamoDB, for {@code limit} sessions at most, and merges
     * them: only the caller's sessions of the given flows are read.
     */
    @Override
    public List<SessionRecord> listSessions(SessionListing listing, int limit) {
        List<SessionRecord> found = new ArrayList<>();
        if (listing.reference() != null) {
            found.addAll(collect(QueryRequest.builder()
                    .tableName(table)
                    .indexName(SessionTable.REFERENCE_INDEX)
                    .keyConditionExpression(REFERENCE_KEY_CONDITION)
                    .expressionAttributeNames(Map.of("#reference", CALLER_REFERENCE))
                    .expressionAttributeValues(Map.of(":reference",
                            SessionItems.string(SessionItems.callerReference(listing.caller(), listing.reference()))))
                    .scanIndexForward(false), Integer.MAX_VALUE));
        } else {
            for (String flow : new TreeSet<>(listing.flows())) {
                found.addAll(listed(listing, flow, limit));
            }
        }
        return found.stream()
                .filter(listing::matches)
                .filter(listing::startsBefore)
                .sorted(Comparator.comparing(SessionPosition::of, SessionPosition.LISTING_ORDER))
                .limit(limit)
                .toList();
    }

    private List<SessionRecord> listed(SessionListing listing, String flow, int limit) {
        String from = listing.createdFrom() == null ? SessionItems.createdBound(Instant.EPOCH)
                : SessionItems.createdBound(listing.createdFrom());
        String to = listing.createdBefore() == null ? LAST_CREATED_KEY
                : SessionItems.createdBound(listing.createdBefore());
        if (listing.after() != null) {
            String after = SessionItems.createdKey(listing.after());
            to = after.compareTo(to) < 0 ? after : to;
        }
        if (from.compareTo(to) > 0) {
            return List.of();
        }
        Map<String, String> names = new HashMap<>(Map.of("#callerFlow", CALLER_FLOW, "#createdKey", CREATED_KEY));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":callerFlow", SessionItems.string(SessionItems.callerFlow(listing.caller(), flow)),
                ":from", SessionItems.string(from),
                ":to", SessionItems.string(to)));
        QueryRequest.Builder query = QueryRequest.builder()
                .tableName(table)
                .indexName(SessionTable.CALLER_FLOW_INDEX)
                .keyConditionExpression(LISTING_KEY_CONDITION)
                .scanIndexForward(false);
        if (listing.status() != null) {
            names.put("#status", SessionItems.STATUS);
            values.put(":status", SessionItems.string(listing.status().name()));
            query.filterExpression(LISTING_STATUS_FILTER);
        }
        query.expressionAttributeNames(names).expressionAttributeValues(values);
        // the key condition includes the position the listing starts after (BETWEEN is inclusive): one more
        return collect(query, listing.after() == null ? limit : limit + 1);
    }

    /**
     * Runs the query page after page until it has {@code limit} sessions or the index ends (a filter may leave a
     * page with fewer than it asked for).
     */
    private List<SessionRecord> collect(QueryRequest.Builder query, int limit) {
        List<SessionRecord> found = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        while (found.size() < limit) {
            QueryResponse page = dynamoDb.query(query.limit(Math.min(limit - found.size(), MAX_QUERY_PAGE))
                    .exclusiveStartKey(startKey).build());
            page.items().forEach(item -> found.add(SessionItems.fromItem(item)));
            if (!page.hasLastEvaluatedKey() || page.lastEvaluatedKey().isEmpty()) {
                break;
            }
            startKey = page.lastEvaluatedKey();
        }
        return found;
    }
}
