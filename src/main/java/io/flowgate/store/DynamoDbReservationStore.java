package io.flowgate.store;

import io.flowgate.config.FlowgateConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * References held in the sessions table, one item each, keyed {@code sessionId = "reference#<reference>"}: a
 * key no session can have (session ids are UUIDs). The item has none of the attributes the table's indexes
 * are keyed on, so it never shows up in a query for sessions. Attributes: {@code holder} (S),
 * {@code fingerprint} (S), {@code reservedSessionId} (S, once created), {@code holdUntil} (N, epoch
 * milliseconds) and {@code ttl} (N, epoch <em>seconds</em>: the hold plus the store's retention).
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

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Duration retention;

    @Inject
    DynamoDbReservationStore(DynamoDbClient dynamoDb, FlowgateConfig config) {
        this(dynamoDb, config.store().dynamodb().table(), config.store().retention());
    }

    DynamoDbReservationStore(DynamoDbClient dynamoDb, String table, Duration retention) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.retention = retention;
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
        Map<String, AttributeValue> item = response.item();
        AttributeValue sessionId = item.get(RESERVED_SESSION_ID);
        return Optional.of(new Reservation(reference, item.get(HOLDER).s(), item.get(FINGERPRINT).s(),
                sessionId == null ? null : sessionId.s(),
                Instant.ofEpochMilli(Long.parseLong(item.get(HOLD_UNTIL).n()))));
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
        item.put(SessionItems.TTL, SessionItems.number(reservation.holdUntil().plus(retention).getEpochSecond()));
        return item;
    }
}
