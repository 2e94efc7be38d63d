package io.flowgate.sandbox;

import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /api/v1/flows/session/result/}: the session's result as {@link FakeResults} makes it.
 * A session still in progress, or expired before completion, answers {@code id} and
 * {@code technologies} only.
 */
final class ResultHandler {

    private final SessionAccess access;

    ResultHandler(SessionAccess access) {
        this.access = access;
    }

    void handle(RoutingContext ctx) {
        access.authorize(ctx).ifPresent(session -> Replies.json(ctx, 200, FakeResults.of(session)));
    }
}
