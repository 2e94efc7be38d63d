package io.flowgate.sandbox;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** How the sandbox answers: JSON the way Django REST Framework writes it, and HTML pages. */
final class Replies {

    private Replies() {
    }

    static void json(RoutingContext ctx, int status, JsonObject body) {
        ctx.response().setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .end(body.encode());
    }

    /** {@code {"detail": "..."}}, DRF's shape for most errors. */
    static void detail(RoutingContext ctx, int status, String detail) {
        json(ctx, status, new JsonObject().put("detail", detail));
    }

    /** {@code {"field": ["message"]}}, DRF's shape for a validation error. */
    static void fieldError(RoutingContext ctx, String field, String message) {
        json(ctx, 400, new JsonObject().put(field, new JsonArray().add(message)));
    }

    static void html(RoutingContext ctx, int status, String page) {
        ctx.response().setStatusCode(status)
                .putHeader("Content-Type", "text/html; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .end(page);
    }

    /** Django's own page for an unknown path (DEBUG off). */
    static void notFoundPage(RoutingContext ctx) {
        html(ctx, 404, "<!doctype html>\n<html lang=\"en\">\n<head>\n  <title>Not Found</title>\n</head>\n"
                + "<body>\n  <h1>Not Found</h1><p>The requested resource was not found on this server.</p>\n"
                + "</body>\n</html>\n");
    }
}
