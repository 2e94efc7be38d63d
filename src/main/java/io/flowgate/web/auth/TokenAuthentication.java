package io.flowgate.web.auth;

import io.flowgate.config.FlowgateConfig;
import io.flowgate.flow.session.Caller;
import io.flowgate.logging.LogContext;
import io.flowgate.web.Problems;
import io.flowgate.web.invoke.DirectInvocation;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The second line behind the gateway: every route that is not public needs {@code Bearer <token>} in
 * the configured header, from a configured caller. Missing, malformed and unknown tokens get the same
 * 401, so the answer never says which part was wrong; the log says it to the operator, without the token.
 */
public class TokenAuthentication {

    private static final Logger LOG = Logger.getLogger(TokenAuthentication.class);
    private static final String SCHEME = "Bearer ";
    /** The caller of a direct invocation, which IAM authorised ({@code lambda:InvokeFunction}). */
    static final String INVOKER = "lambda-invoke";
    /** Before every route Quarkus and the functions register. */
    private static final int ORDER = Integer.MIN_VALUE + 1000;

    private final BearerTokens tokens;
    private final PublicRoutes publicRoutes;
    private final String header;
    private final Caller invoker;

    TokenAuthentication(BearerTokens tokens, PublicRoutes publicRoutes, FlowgateConfig config) {
        this.tokens = tokens;
        this.publicRoutes = publicRoutes;
        this.header = config.auth().header();
        this.invoker = Caller.of(INVOKER, config.invoke().flows().orElse(List.of()));
    }

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(this::authenticate);
    }

    private void authenticate(RoutingContext context) {
        // the path the router matches routes on, so that /demo/../createSession is judged as /createSession
        String path = context.normalizedPath();
        if (publicRoutes.isPublic(path)) {
            context.next();
            return;
        }
        if (DirectInvocation.isMarked(context.request().getHeader(DirectInvocation.HEADER))) {
            LogContext.put(LogContext.CALLER, invoker.name());
            context.put(Callers.KEY, invoker);
            context.next();
            return;
        }
        String value = context.request().getHeader(header);
        Optional<Caller> caller = Optional.empty();
        String refusal = "missing";
        if (value != null) {
            refusal = "malformed";
            if (value.regionMatches(true, 0, SCHEME, 0, SCHEME.length()) && value.length() > SCHEME.length()) {
                refusal = "unknown";
                caller = tokens.callerOf(value.substring(SCHEME.length()).trim());
            }
        }
        if (caller.isPresent()) {
            LogContext.put(LogContext.CALLER, caller.get().name());
            context.put(Callers.KEY, caller.get());
            context.next();
            return;
        }
        LOG.infof("request.rejected status=401 code=unauthorized token=%s path=%s", refusal, path);
        context.response().putHeader("WWW-Authenticate", "Bearer");
        Problems.unauthorized(header).send(context.response());
    }
}
