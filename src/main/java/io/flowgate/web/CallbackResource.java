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
 * {@code session_id} and a coarse {@code status}, or a small page; never personal data.
 */
@Path("/callback")
public class CallbackResource {

    private final BrowserReturn browserReturn;

    CallbackResource(BrowserReturn browserReturn) {
        this.browserReturn = browserReturn;
    }

    @GET
    public Response callback(@QueryParam("state") String state) {
        Outcome outcome = browserReturn.handle(state);
        if (outcome instanceof Outcome.Returned returned && returned.redirect().isPresent()) {
            return Response.seeOther(returned.redirect().get()).header("Cache-Control", "no-store").build();
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
                .header("Cache-Control", "no-store").entity(html).build();
    }
}
