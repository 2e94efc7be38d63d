package io.flowgate.sandbox;

import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET} and {@code POST /sandbox/flow/{session_id}}: the vendor's hosted flow, reduced to one
 * choice per technology, and for a technology in the session's interchangeable group, what the person passed
 * instead (another member of the group). Unknown session: 404 page; expired: 410 page (for both methods); GET on a
 * completed session: the "done" page; POST on it: 409 (a session is passed once). A valid POST records
 * the outcomes and answers 303 to {@code redirect} when it is an absolute http(s) URL, passed on as
 * given (the vendor documents nothing appended), else the "done" page.
 */
final class FlowPageHandler {

    private final SandboxSessions sessions;

    FlowPageHandler(SandboxSessions sessions) {
        this.sessions = sessions;
    }

    void show(RoutingContext ctx) {
        FlowPageText text = FlowPageText.of(ctx.queryParams().get("locale"));
        String redirect = ctx.queryParams().get("redirect");
        openSession(ctx, text).ifPresent(session -> {
            if (session.completed()) {
                Replies.html(ctx, 200, FlowPage.message(text, text.doneHeading(), text.alreadyCompleted()));
            } else {
                Replies.html(ctx, 200, FlowPage.form(session, text, redirect));
            }
        });
    }

    void submit(RoutingContext ctx) {
        var form = ctx.request().formAttributes();
        FlowPageText text = FlowPageText.of(form.get("locale"));
        openSession(ctx, text).ifPresent(session -> {
            if (session.completed()) {
                Replies.html(ctx, 409, FlowPage.message(text, text.doneHeading(), text.alreadyCompleted()));
                return;
            }
            Map<String, Outcome> outcomes = new LinkedHashMap<>();
            Map<String, String> substitutes = new LinkedHashMap<>();
            for (String code : session.technologies()) {
                String value = form.get(code);
                Optional<Outcome> outcome = value == null ? Optional.of(Outcome.PASS) : Outcome.fromFormValue(value);
                String instead = form.get(FlowPage.insteadField(code));
                boolean insteadValid = instead == null || instead.isEmpty()
                        || session.alternatives(code).contains(instead);
                if (outcome.isEmpty() || !insteadValid) {
                    Replies.html(ctx, 400, FlowPage.message(text, text.invalidHeading(), text.invalidText()));
                    return;
                }
                outcomes.put(code, outcome.get());
                if (instead != null && !instead.isEmpty()) {
                    substitutes.put(code, instead);
                }
            }
            sessions.complete(session.id(), outcomes, substitutes);
            String redirect = form.get("redirect");
            if (isAbsoluteHttpUrl(redirect)) {
                ctx.response().setStatusCode(303).putHeader("Location", redirect).end();
            } else {
                Replies.html(ctx, 200, FlowPage.message(text, text.doneHeading(), text.doneText()));
            }
        });
    }

    /** The session if it exists and is still open; else the 404 or 410 page is sent. */
    private Optional<SandboxSession> openSession(RoutingContext ctx, FlowPageText text) {
        Optional<SandboxSession> session = sessions.find(ctx.pathParam("sessionId"));
        if (session.isEmpty()) {
            Replies.html(ctx, 404, FlowPage.message(text, text.notFoundHeading(), text.notFoundText()));
            return Optional.empty();
        }
        if (sessions.expired(session.get())) {
            Replies.html(ctx, 410, FlowPage.message(text, text.expiredHeading(), text.expiredText()));
            return Optional.empty();
        }
        return session;
    }

    static boolean isAbsoluteHttpUrl(String url) {
        if (url == null || url.isBlank()) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && uri.getHost() != null;
        } catch (Exception notAUri) {
            return false;
        }
    }
}
