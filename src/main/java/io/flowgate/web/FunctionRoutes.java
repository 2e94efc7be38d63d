package io.flowgate.web;

import io.flowgate.config.FlowgateConfig;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * A deployed function serves its own route only ({@code flowgate.function}): a request for any other path is
 * answered 404 and logged, before authentication, whatever the event names. So the public callback function
 * cannot be made to create sessions, nor any function to run a sweep, by an event that names their paths.
 * Unset, every route is served.
 */
public class FunctionRoutes {

    private static final Logger LOG = Logger.getLogger(FunctionRoutes.class);
    /** Before authentication, so that a function answers the same 404 to everyone for a path not its own. */
    private static final int ORDER = Integer.MIN_VALUE + 500;

    /** Each function's route, by the name it is deployed under (serverless.yml). */
    private static final Map<String, Predicate<String>> ROUTES = Map.ofEntries(
            Map.entry("createSession", "/createSession"::equals),
            Map.entry("getResult", "/getResult"::equals),
            Map.entry("collectResult", "/collectResult"::equals),
            Map.entry("callback", "/callback"::equals),
            Map.entry("video", Pattern.compile("/sessions/[^/]+/video").asMatchPredicate()),
            Map.entry("sweep", "/sweep"::equals),
            Map.entry("deliverWebhooks", "/deliverWebhooks"::equals),
            Map.entry("listFailedWebhooks", "/listFailedWebhooks"::equals),
            Map.entry("resendWebhook", "/resendWebhook"::equals),
            // issue 15: cancel and resume
            Map.entry("cancelSession", "/cancelSession"::equals),
            Map.entry("resumeSession", "/resumeSession"::equals),
            // issue 15: list
            Map.entry("listSessions", "/listSessions"::equals),
            // issue 15: redact and review

            Map.entry("redactSession", "/redactSession"::equals),
            Map.entry("reviewSession", "/reviewSession"::equals));

    private final Optional<String> function;

    FunctionRoutes(FlowgateConfig config) {
        this.function = config.function();
        function.filter(name -> !ROUTES.containsKey(name)).ifPresent(name -> {
            throw new IllegalStateException("flowgate cannot start: flowgate.function (FLOWGATE_FUNCTION) must be one of "
                    + String.join(", ", functions()));
        });
    }

    /** The names of the functions a deployment may have, sorted. */
    public static SortedSet<String> functions() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(ROUTES.keySet()));
    }

    /** Whether the function deployed as {@code function} serves {@code path}; false for an unknown function. */
    public static boolean serves(String function, String path) {
        return ROUTES.containsKey(function) && ROUTES.get(function).test(path);
    }

    /** Whether any function serves {@code path}. */
    public static boolean isFunctionPath(String path) {
        return ROUTES.values().stream().anyMatch(route -> route.test(path));
    }

    void register(@Observes Router router) {
        function.ifPresent(name -> router.route().order(ORDER).handler(context -> serveOnly(name, context)));
    }

    private void serveOnly(String name, RoutingContext context) {
        String path = context.normalizedPath();
        if (serves(name, path)) {
            context.next();
            return;
        }
        LOG.infof("request.refused reason=not_this_function function=%s path=%s", name, path);
        Problems.forStatus(404, path).send(context.response());
    }
}
