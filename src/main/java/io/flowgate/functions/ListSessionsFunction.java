package io.flowgate.functions;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.flow.listing.ListSessionsRequest;
import io.flowgate.flow.listing.SessionListings;
import io.flowgate.flow.listing.SessionPage;
import io.flowgate.web.auth.Callers;
import io.quarkus.funqy.Funq;

/** {@code POST /listSessions}: the caller's own sessions, the newest first, a page at a time; reads only the store. */
public class ListSessionsFunction {

    private final SessionListings listings;
    private final Callers callers;

    ListSessionsFunction(SessionListings listings, Callers callers) {
        this.listings = listings;
        this.callers = callers;
    }

    @Funq("listSessions")
    public SessionPage listSessions(JsonNode body) {
        return listings.list(JsonInput.read(body, ListSessionsRequest.class), callers.current());
    }
}
