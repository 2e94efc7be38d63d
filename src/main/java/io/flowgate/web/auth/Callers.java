package io.flowgate.web.auth;

import io.flowgate.flow.session.Caller;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;

/** The caller of the request being handled, as {@link TokenAuthentication} established it. */
@ApplicationScoped
public class Callers {

    static final String KEY = "flowgate.caller";

    private final CurrentVertxRequest request;

    Callers(CurrentVertxRequest request) {
        this.request = request;
    }

    /**
     * @throws IllegalStateException on a route that was let through without a caller (a public route):
     *         a programming error, never the client's
     */
    public Caller current() {
        Caller caller = request.getCurrent() == null ? null : request.getCurrent().get(KEY);
        if (caller == null) {
            throw new IllegalStateException("no authenticated caller on this route");
        }
        return caller;
    }
}
