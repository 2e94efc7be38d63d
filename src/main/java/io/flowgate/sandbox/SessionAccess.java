package io.flowgate.sandbox;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * The checks shared by the result and video endpoints, in this order: both query parameters present
 * and not blank (400, DRF field errors), the session known (404), the key the one it was created
 * with (403). On failure the answer is already sent.
 */
final class SessionAccess {

    private final SandboxSessions sessions;

    SessionAccess(SandboxSessions sessions) {
        this.sessions = sessions;
    }

    Optional<SandboxSession> authorize(RoutingContext ctx) {
        String sessionId = ctx.queryParams().get("session_id");
        String apiKey = ctx.queryParams().get("flow_api_key");
        JsonObject errors = new JsonObject();
        require(errors, "session_id", sessionId);
        require(errors, "flow_api_key", apiKey);
        if (!errors.isEmpty()) {
            Replies.json(ctx, 400, errors);
            return Optional.empty();
        }
        Optional<SandboxSession> session = sessions.find(sessionId);
        if (session.isEmpty()) {
            Replies.detail(ctx, 404, "Not found.");
            return Optional.empty();
        }
        if (!SandboxFlows.sameKey(session.get().apiKey(), apiKey)) {
            Replies.detail(ctx, 403, "You do not have permission to perform this action.");
            return Optional.empty();
        }
        return session;
    }

    private static void require(JsonObject errors, String name, String value) {
        if (value == null) {
            errors.put(name, new JsonArray().add("This field is required."));
        } else if (value.isBlank()) {
            errors.put(name, new JsonArray().add("This field may not be blank."));
        }
    }
}
