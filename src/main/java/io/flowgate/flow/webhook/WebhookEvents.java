package io.flowgate.flow.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowgate.flow.decision.Decision;
import io.flowgate.store.SessionRecord;
import io.flowgate.store.SessionStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A final session's event, its stable id, and its body: the same bytes on every attempt. */
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

    static WebhookEvent of(SessionRecord session) {
        String type = type(session);
        Decision decision = session.decision() == null ? null
                : new Decision(session.decision(), session.decisionReasons());
        return new WebhookEvent(eventId(session.sessionId(), type), type, session.sessionId(), session.reference(),
                session.status().name(), session.statusReason(), decision, session.completedAt().toString(),
                session.metadata());
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
