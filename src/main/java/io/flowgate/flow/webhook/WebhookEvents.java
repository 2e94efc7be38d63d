package io.flowgate.flow.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowgate.flow.decision.Decision;
import io.flowgate.store.SessionRecord;
import io.flowgate.store.SessionStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** A session's events, their stable ids, and their bodies: the same bytes on every attempt. */
final class WebhookEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private WebhookEvents() {
    }

    static String type(SessionRecord session) {
        if (session.status() == SessionStatus.COMPLETED) {
            return WebhookEvent.COMPLETED;
        }
        if (session.status() == SessionStatus.EXPIRED) {
            return WebhookEvent.EXPIRED;
        }
        if (session.status() == SessionStatus.CANCELLED) {
            return WebhookEvent.CANCELLED;
        }
        throw new IllegalArgumentException("A session that is not final has no event");
    }

    /** {@code evt_} and 32 hex digits of SHA-256 over the session id and the type: stable, and unique per event. */
    static String eventId(String sessionId, String type) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((sessionId + "\n" + type).getBytes(StandardCharsets.UTF_8));
            return "evt_" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The event of the session's final status. */
    static WebhookEvent of(SessionRecord session) {
        return of(session, type(session));
    }

    /**
     * The session's event of that type, as the session now is: a {@code session.reviewed} event carries the review's
     * outcome (never its note); every event only ids, statuses, the decision and times, so that one sent after the
     * session was redacted holds nothing that was erased.
     */
    static WebhookEvent of(SessionRecord session, String type) {
        Decision decision = session.decision() == null ? null
                : new Decision(session.decision(), session.decisionReasons());
        Instant occurredAt = switch (type) {
            case WebhookEvent.REVIEWED -> session.review().reviewedAt();
            case WebhookEvent.REDACTED -> session.redactedAt();
            default -> session.completedAt();
        };
        WebhookEvent.Review review = WebhookEvent.REVIEWED.equals(type)
                ? new WebhookEvent.Review(session.review().outcome(), session.review().reviewer(),
                        session.review().reviewedAt().toString())
                : null;
        return new WebhookEvent(eventId(session.sessionId(), type), type, session.sessionId(), session.reference(),
                session.status().name(), session.statusReason(), decision, occurredAt.toString(), session.metadata(),
                review);
    }

    /** The event as UTF-8 JSON: these exact bytes are signed and sent. */
    static byte[] body(WebhookEvent event) {
        try {
            return JSON.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An event could not be written as JSON");
        }
    }
}
