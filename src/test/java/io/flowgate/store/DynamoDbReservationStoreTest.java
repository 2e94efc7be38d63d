package io.flowgate.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.flowgate.config.FlowgateConfig;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The reservation contract on the application's {@link ReservationStore} bean, configured for DynamoDB, against dynalite. */
@QuarkusTest
@TestProfile(DynamoDbStoreProfile.class)
class DynamoDbReservationStoreTest extends ReservationStoreContract {

    @Inject
    ReservationStore reservations;

    @Inject
    SessionStore sessions;

    @Inject
    DynamoDbClient dynamoDb;

    @Inject
    FlowgateConfig config;

    @Override
    protected ReservationStore reservations() {
        return reservations;
    }

    @Override
    protected String freshReference() {
        return "order-" + UUID.randomUUID();
    }

    @Test
    void keepsAReservationAsAnItemNoSessionQuerySees() {
        String reference = freshReference();
        Instant hold = Instant.parse("2026-03-02T09:25:30.123Z");
        reservations.reserve(new Reservation(reference, "holder-1", "fp-1", "s-1", hold), hold.minusSeconds(60));

        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(config.store().dynamodb().table())
                .key(SessionItems.key("reference#" + reference)).consistentRead(true)).item();

        assertEquals(Long.toString(hold.toEpochMilli()), item.get("holdUntil").n());
        assertEquals(Long.toString(hold.plus(Duration.ofDays(30)).getEpochSecond()), item.get(SessionItems.TTL).n());
        assertFalse(item.containsKey(SessionItems.CALLER_REFERENCE), "the reference index must not list it");
        assertFalse(item.containsKey(SessionItems.DUE_KIND), "the sweep must not list it");
        assertEquals(java.util.Optional.empty(), sessions.findByReference("shop-backend", reference));
    }
}
