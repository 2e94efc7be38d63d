package io.flowgate.store;

import io.flowgate.config.FlowgateConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * References held in the sessions table, one item each, keyed {@code sessionId = "reference#<caller>/<reference>"}:
 * a key no session can have. Attributes: {@code holder} (S), {@code fingerprint} (S), {@code reservedSessionId}
 * (S, once the vendor answered), {@code holdUntil} (N, epoch milliseconds), {@code ttl} (N, epoch
 * <em>seconds</em>: the hold plus the store's retention), and while the vendor's session is paid for but not yet
 * stored, {@code pendingSession} (M: the session's item) with {@code dueKind = "orphan"} and {@code dueAt} (N, the
 * repair time), so that the sweep finds it on the due index. It has none of the other index keys, so it never
 * shows up in a query for sessions.
 */
@ApplicationScoped
@Typed(DynamoDbReservationStore.class)
public class DynamoDbReservationStore implements ReservationStore {

    static final String KEY_PREFIX = "reference#";
    /** The condition of {@link #reserve}: never reserved, or the hold is over. */
    static final String RESERVE_CONDITION = "attribute_not_exists(sessionId) OR #holdUntil < :now";
    /** The condition of {@link #replace}: still held by the same request. */
    static final String REPLACE_CONDITION = "#holder = :holder";

    private static final String HOLDER = "holder";
    private static final String FINGERPRINT = "fingerprint";
    private static final String RESERVED_SESSION_ID = "reservedSessionId";
    private static final String HOLD_UNTIL = "holdUntil";
    private static final String PENDING_SESSION = "pendingSession";
    /** The {@code dueKind} of a reservation holding a pending session. */
    static final String ORPHAN = "orphan";

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Duration retention;
    private final SessionItems items;

    @Inject
    DynamoDbReservationStore(DynamoDbClient dynamoDb, FlowgateConfig config) {
        this(dynamoDb, config.store().dynamodb().table(), config.store().retention());
    }

    DynamoDbReservationStore(DynamoDbClient dynamoDb, String table, Duration retention) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.retention = retention;
        this.items = new SessionItems(retention);
    }

    @Override
    public boolean reserve(Reservation reservation, Instant now) {
        return put(reservation, RESERVE_CONDITION, Map.of("#holdUntil", HOLD_UNTIL),
                Map.of(":now", SessionItems.millis(now)));
    }

    @Override
    public Optional<Reservation> find(String reference) {
        GetItemResponse response = dynamoDb.getItem(request -> request
                .tableName(table)
                .key(SessionItems.key(KEY_PREFIX + reference))
                .consistentRead(true));
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(fromItem(response.item()));
    }

    @Override
    public List<Reservation> findOrphans(Instant now, int limit) {
        QueryResponse response = dynamoDb.query(QueryRequest.builder()
                .tableName(table)
                .indexName(SessionTable.DUE_INDEX)
                .keyConditionExpression(DynamoDbSessionStore.DUE_KEY_CONDITION)
                .expressionAttributeNames(Map.of("#kind", SessionItems.DUE_KIND, "#dueAt", SessionItems.DUE_AT))
                .expressionAttributeValues(Map.of(":kind", SessionItems.string(ORPHAN), ":now", SessionItems.millis(now)))
                .scanIndexForward(true)
                .limit(limit)
                .build());
        return response.items().stream().map(DynamoDbReservationStore::fromItem).toList();
    }

    private static Reservation fromItem(Map<String, AttributeValue> item) {
        AttributeValue sessionId = item.get(RESERVED_SESSION_ID);
        AttributeValue pending = item.get(PENDING_SESSION);
        return new Reservation(item.get(SessionItems.SESSION_ID).s().substring(KEY_PREFIX.length()),
                item.get(HOLDER).s(), item.get(FINGERPRINT).s(), sessionId == null ? null : sessionId.s(),
                Instant.ofEpochMilli(Long.parseLong(item.get(HOLD_UNTIL).n())),
                pending == null ? null : SessionItems.fromItem(pending.m()),
                pending == null ? null : Instant.ofEpochMilli(Long.parseLong(item.get(SessionItems.DUE_AT).n())));
    }

    @Override
    public boolean replace(Reservation changed) {
        return put(changed, REPLACE_CONDITION, Map.of("#holder", HOLDER),
                Map.of(":holder", SessionItems.string(changed.holder())));
    }

    private boolean put(Reservation reservation, String condition, Map<String, String> names,
            Map<String, AttributeValue> values) {
        try {
            dynamoDb.putItem(PutItemRequest.builder()
                    .tableName(table)
                    .item(toItem(reservation))
                    .conditionExpression(condition)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)
                    .build());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private Map<String, AttributeValue> toItem(Reservation reservation) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(SessionItems.SESSION_ID, SessionItems.string(KEY_PREFIX + reservation.reference()));
        item.put(HOLDER, SessionItems.string(reservation.holder()));
        item.put(FINGERPRINT, SessionItems.string(reservation.fingerprint()));
        if (reservation.sessionId() != null) {
            item.put(RESERVED_SESSION_ID, SessionItems.string(reservation.sessionId()));
        }
        item.put(HOLD_UNTIL, SessionItems.millis(reservation.holdUntil()));
        if (reservation.pending() != null) {
            item.put(PENDING_SESSION, AttributeValue.fromM(items.toItem(reservation.pending())));
            item.put(SessionItems.DUE_KIND, SessionItems.string(ORPHAN));
            item.put(SessionItems.DUE_AT, SessionItems.millis(reservation.repairAt()));
        }
        item.put(SessionItems.TTL, SessionItems.number(reservation.holdUntil().plus(retention).getEpochSecond()));
        return item;
    }
}
