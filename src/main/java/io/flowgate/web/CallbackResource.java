package io.flowgate.web;

import io.flowgate.flow.callback.BrowserReturn.Outcome;
import io.flowgate.flow.callback.BrowserReturn;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /callback?state=…}: where the vendor sends the browser back. Public (the browser holds
 * no credentials); the signed state is its only ticket. Answers 303 to the session's return URL with
 * {@code session_id} and a coarse {@code status}, or a small page (always a page for a session its integrator
 * cancelled); never personal data. The address holds the
 * state token, so no answer lets the browser send it on as a referrer; the pages load nothing, run nothing and
 * cannot be framed ({@link SecurityHeaders} adds {@code no-store} and {@code nosniff}).
 */
@Path("/callback")
public class CallbackResource {

    /** The pages are plain HTML without style, script, image or form: nothing needs to be allowed. */
    static final String PAGE_POLICY = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final BrowserReturn browserReturn;

    CallbackResource(BrowserReturn browserReturn) {
        this.browserReturn = browserReturn;
    }

    @GET
    public Response callback(@QueryParam("state") String state) {
        Outcome outcome = browserReturn.handle(state);
        if (outcome instanceof Outcome.Cancelled cancelled) {
            return page(200, CallbackPages.cancelled(cancelled.locale()));
        }
        if (outcome instanceof Outcome.Returned returned && returned.redirect().isPresent()) {
            return Response.seeOther(returned.redirect().get()).header("Cache-Control", "no-store")
                    .header("Referrer-Policy", "no-referrer").build();
        }
        if (outcome instanceof Outcome.Returned returned) {
            return page(200, CallbackPages.status(returned.status(), returned.locale()));
        }
        if (outcome instanceof Outcome.Expired expired) {
            return page(410, CallbackPages.expiredLink(expired.locale()));
        }
        return page(400, CallbackPages.invalidLink(((Outcome.Invalid) outcome).locale()));
    }

    private static Response page(int status, String html) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", PAGE_POLICY).header("X-Content-Type-Options", "nosniff")
                .entity(html).build();
    }
}
