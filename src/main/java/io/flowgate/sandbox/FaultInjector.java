package io.flowgate.sandbox;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

/** The route handler that shows the {@link FaultPlan}'s next fault for an endpoint, or passes the request on. */
final class FaultInjector {

    /** Cut short, as a connection dropped mid-answer would leave it. */
    static final String MALFORMED_JSON = "{\"session_id\": \"3fa85f64-5717-4562-b3fc-2c963f66afa6\", \"technolo";

    private final Vertx vertx;
    private final FaultPlan plan;

    FaultInjector(Vertx vertx, FaultPlan plan) {
        this.vertx = vertx;
        this.plan = plan;
    }

    Handler<RoutingContext> on(Endpoint endpoint) {
        return ctx -> plan.take(endpoint, ctx.request().getParam("session_id"))
                .ifPresentOrElse(fault -> show(ctx, fault), ctx::next);
    }

    private void show(RoutingContext ctx, Fault fault) {
        if (fault instanceof Fault.Status status) {
            Replies.detail(ctx, status.status(), status.detail());
        } else if (fault instanceof Fault.Delay delay) {
            vertx.setTimer(Math.max(1, delay.duration().toMillis()), timer -> {
                if (!ctx.response().closed()) {
                    ctx.next();
                }
            });
        } else if (fault instanceof Fault.CloseConnection) {
            ctx.request().connection().close();
        } else if (fault instanceof Fault.MalformedJson) {
            ctx.response().setStatusCode(200).putHeader("Content-Type", "application/json").end(MALFORMED_JSON);
        } else if (fault instanceof Fault.Body body) {
            ctx.response().setStatusCode(200).putHeader("Content-Type", "application/json").end(body.json());
        }
    }
}
