package io.flowgate.web;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;

/**
 * Every answer of a function (the Funqy routes, the callback and the video), success or problem, is kept out of
 * caches ({@code Cache-Control: no-store}, unless the answer set its own) and is never content-sniffed
 * ({@code X-Content-Type-Options: nosniff}): a result, its raw vendor data or a video URL must not stay in a
 * browser's or a proxy's cache. The callback's pages add their own policy ({@link CallbackResource}).
 */
public class SecurityHeaders {

    /** Before the route check and authentication, so that their refusals carry the headers too. */
    private static final int ORDER = Integer.MIN_VALUE + 100;

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(this::addOnFunctionAnswers);
    }

    private void addOnFunctionAnswers(RoutingContext context) {
        if (FunctionRoutes.isFunctionPath(context.normalizedPath())) {
            context.addHeadersEndHandler(ignored -> {
                MultiMap headers = context.response().headers();
                if (!headers.contains("Cache-Control")) {
                    headers.set("Cache-Control", "no-store");
                }
                headers.set("X-Content-Type-Options", "nosniff");
            });
        }
        context.next();
    }
}
