package io.flowgate.store;

import io.flowgate.store.WebhookDelivery.Attempt;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A {@link WebhookDelivery} as the {@code webhook} attribute of a session's item (M), and the top-level attributes
 * of two sparse indexes: while the delivery is PENDING, those of {@value SessionTable#WEBHOOK_INDEX},
 * {@code webhookState} (S, {@code PENDING}) and {@code webhookAt} (N, epoch milliseconds: when it is due); once it
 * has FAILED, those of {@value SessionTable#FAILED_WEBHOOK_INDEX}, {@code failedWebhookFlow} (S, the session's flow)
 * and {@code failedWebhookKey} (S, its {@link FailedWebhookPosition} as {@link #failedKey}). A DELIVERED one has none.
 * The types of the events queued behind the delivery are {@code queued} in the map (L of S), absent when none.
 */
final class WebhookItems {

    static final String WEBHOOK = "webhook";
    static final String WEBHOOK_STATE = "webhookState";
    static final String WEBHOOK_AT = "webhookAt";
    static final String FAILED_WEBHOOK_FLOW = "failedWebhookFlow";
    static final String FAILED_WEBHOOK_KEY = "failedWebhookKey";

    private static final String EVENT_ID = "eventId";
    private static final String TYPE = "type";
    private static final String STATE = "state";
    private static final String NEXT_ATTEMPT_AT = "nextAttemptAt";
    private static final String ROUND_STARTED_AT = "roundStartedAt";
    private static final String ROUND_ATTEMPTS = "roundAttempts";
    private static final String ATTEMPTS = "attempts";
    private static final String AT = "at";
    private static final String STATUS_CODE = "statusCode";
    private static final String ERROR = "error";
    private static final String OUTCOME = "outcome";
    private static final String QUEUED = "queued";

    private WebhookItems() {
    }

    /** Adds the attributes of the session's delivery to its item. */
    static void put(Map<String, AttributeValue> item, SessionRecord session) {
        WebhookDelivery delivery = session.webhook();
        if (delivery == null) {
            return;
        }
        Map<String, AttributeValue> webhook = new HashMap<>();
        webhook.put(EVENT_ID, SessionItems.string(delivery.eventId()));
        webhook.put(TYPE, SessionItems.string(delivery.type()));
        webhook.put(STATE, SessionItems.string(delivery.state().name()));
        if (delivery.nextAttemptAt() != null) {
            webhook.put(NEXT_ATTEMPT_AT, SessionItems.millis(delivery.nextAttemptAt()));
        }
        webhook.put(ROUND_STARTED_AT, SessionItems.millis(delivery.roundStartedAt()));
        webhook.put(ROUND_ATTEMPTS, SessionItems.number(delivery.roundAttempts()));
        webhook.put(ATTEMPTS, AttributeValue.fromL(delivery.attempts().stream().map(WebhookItems::attempt).toList()));
        if (!delivery.queued().isEmpty()) {
            webhook.put(QUEUED, AttributeValue.fromL(delivery.queued().stream().map(SessionItems::string).toList()));
        }
        item.put(WEBHOOK, AttributeValue.fromM(webhook));
        if (delivery.state() == WebhookDelivery.State.PENDING) {
            item.put(WEBHOOK_STATE, SessionItems.string(delivery.state().name()));
            item.put(WEBHOOK_AT, SessionItems.millis(delivery.nextAttemptAt()));
        } else if (delivery.state() == WebhookDelivery.State.FAILED) {
            item.put(FAILED_WEBHOOK_FLOW, SessionItems.string(session.flow()));
            item.put(FAILED_WEBHOOK_KEY, SessionItems.string(failedKey(FailedWebhookPosition.of(session))));
        }
    }

    /**
     * A position in the listing of failed deliveries as the sort key of {@value SessionTable#FAILED_WEBHOOK_INDEX}:
     * the failure's epoch milliseconds in 15 digits, {@code #} and the session id, so that the key's order (DynamoDB
     * compares strings by their UTF-8 bytes; session ids are ASCII) is the listing's, reversed, with no two equal.
     */
    static String failedKey(FailedWebhookPosition position) {
        return String.format(Locale.ROOT, "%015d#%s", position.failedAt().toEpochMilli(),
                position.sessionId());
    }

    /** The delivery of a session's item, or null when it has none. */
    static WebhookDelivery read(Map<String, AttributeValue> item) {
        AttributeValue value = item.get(WEBHOOK);
        if (value == null) {
            return null;
        }
        Map<String, AttributeValue> webhook = value.m();
        return new WebhookDelivery(
                webhook.get(EVENT_ID).s(),
                webhook.get(TYPE).s(),
                WebhookDelivery.State.valueOf(webhook.get(STATE).s()),
                webhook.containsKey(NEXT_ATTEMPT_AT) ? instant(webhook.get(NEXT_ATTEMPT_AT)) : null,
                instant(webhook.get(ROUND_STARTED_AT)),
                Integer.parseInt(webhook.get(ROUND_ATTEMPTS).n()),
                webhook.get(ATTEMPTS).l().stream().map(a -> attempt(a.m())).toList(),
                webhook.containsKey(QUEUED) ? webhook.get(QUEUED).l().stream().map(AttributeValue::s).toList()
                        : List.of());
    }

    private static AttributeValue attempt(Attempt attempt) {
        Map<String, AttributeValue> map = new HashMap<>();
        map.put(AT, SessionItems.millis(attempt.at()));
        if (attempt.statusCode() != null) {
            map.put(STATUS_CODE, SessionItems.number(attempt.statusCode()));
        }
        if (attempt.error() != null) {
            map.put(ERROR, SessionItems.string(attempt.error()));
        }
        map.put(OUTCOME, SessionItems.string(attempt.outcome()));
        return AttributeValue.fromM(map);
    }

    private static Attempt attempt(Map<String, AttributeValue> map) {
        return new Attempt(instant(map.get(AT)),
                map.containsKey(STATUS_CODE) ? Integer.valueOf(map.get(STATUS_CODE).n()) : null,
                map.containsKey(ERROR) ? map.get(ERROR).s() : null,
                map.get(OUTCOME).s());
    }

    private static Instant instant(AttributeValue value) {
        return Instant.ofEpochMilli(Long.parseLong(value.n()));
    }
}
