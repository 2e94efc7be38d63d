package io.flowgate.sandbox;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /api/v1/flows/session/create/}. Checked in this order: the content type (415), the
 * JSON (400), the API key (401; before the metadata, so a caller without a key learns nothing about
 * the request's shape), the metadata's types (400). An empty body reads as {@code {}}, as in DRF.
 */
final class CreateSessionHandler {

    private final SandboxFlows flows;
    private final SandboxSessions sessions;

    CreateSessionHandler(SandboxFlows flows, SandboxSessions sessions) {
        this.flows = flows;
        this.sessions = sessions;
    }

    void handle(RoutingContext ctx) {
        String contentType = ctx.request().getHeader("Content-Type");
        if (!isJson(contentType)) {
            Replies.detail(ctx, 415, "Unsupported media type \"" + (contentType == null ? "" : contentType)
                    + "\" in request.");
            return;
        }
        Object parsed;
        try {
            String body = ctx.body().asString("UTF-8");
            parsed = body == null || body.isBlank() ? new JsonObject() : Json.decodeValue(body);
        } catch (DecodeException malformed) {
            Replies.detail(ctx, 400, "JSON parse error - the request body is not valid JSON.");
            return;
        }
        if (!(parsed instanceof JsonObject request)) {
            Replies.fieldError(ctx, "non_field_errors",
                    "Invalid data. Expected a dictionary, but got " + SessionMetadata.pythonType(parsed) + ".");
            return;
        }
        Object apiKey = request.getValue("api_key");
        var flow = flows.byApiKey(apiKey instanceof String key ? key : null);
        if (flow.isEmpty()) {
            Replies.detail(ctx, 401, "Invalid API key.");
            return;
        }
        SessionMetadata metadata = SessionMetadata.check(request);
        if (!metadata.errors().isEmpty()) {
            Replies.json(ctx, 400, new JsonObject().put("metadata", new JsonArray(metadata.errors())));
            return;
        }
        SandboxSession session = sessions.create(flow.get(), metadata.prefill(), metadata.interchangeable());
        Replies.json(ctx, 200, new JsonObject()
                .put("session_id", session.id())
                .put("technologies", new JsonArray(session.technologies())));
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String mediaType = contentType.split(";", 2)[0].trim();
        return mediaType.equalsIgnoreCase("application/json");
    }
}
