package io.flowgate.flow.listing;

import io.flowgate.config.FlowgateConfig;
import io.flowgate.flow.creation.UsableFlow;
import io.flowgate.flow.request.InvalidRequestException;
import io.flowgate.flow.request.Reference;
import io.flowgate.flow.session.Caller;
import io.flowgate.flow.session.SessionViews;
import io.flowgate.store.SessionListing;
import io.flowgate.store.SessionPosition;
import io.flowgate.store.SessionRecord;
import io.flowgate.store.SessionStatus;
import io.flowgate.store.SessionStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A caller's own sessions, the newest first, a page at a time: only sessions this caller created (by its name;
 * sessions stored before callers were recorded have none and are never listed), only of flows it may use today.
 */
@ApplicationScoped
public class SessionListings {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private final SessionStore store;
    private final SessionPageTokens pageTokens;
    private final FlowgateConfig config;

    SessionListings(SessionStore store, SessionPageTokens pageTokens, FlowgateConfig config) {
        this.store = store;
        this.pageTokens = pageTokens;
        this.config = config;
    }

    /**
     * One page of the caller's sessions that match the request's filters.
     *
     * @throws InvalidRequestException for a filter, limit or page token that breaks its rule
     * @throws FlowNotAllowedException for a flow the caller may not use
     */
    public SessionPage list(ListSessionsRequest request, Caller caller) {
        int limit = limit(request.limit());
        SessionListing filters = new SessionListing(caller.name(), flows(request.flow(), caller),
                status(request.status()), Reference.check(request.reference(), "reference").orElse(null),
                instant(request.createdAfter(), "createdAfter"), instant(request.createdBefore(), "createdBefore"),
                null);
        if (filters.createdFrom() != null && filters.createdBefore() != null
                && !filters.createdFrom().isBefore(filters.createdBefore())) {
            throw new InvalidRequestException("invalid_time_range", "createdAfter",
                    "createdAfter must be before createdBefore.");
        }
        String context = context(request.flow(), filters);
        SessionListing listing = request.pageToken() == null ? filters
                : new SessionListing(filters.caller(), filters.flows(), filters.status(), filters.reference(),
                        filters.createdFrom(), filters.createdBefore(), pageTokens.position(request.pageToken(), context));
        List<SessionRecord> found = listing.flows().isEmpty() ? List.of() : store.listSessions(listing, limit + 1);
        List<SessionRecord> page = found.subList(0, Math.min(limit, found.size()));
        String next = found.size() > limit ? pageTokens.after(SessionPosition.of(page.get(limit - 1)), context) : null;
        return new SessionPage(page.stream().map(session -> SessionViews.of(session, false)).toList(), next);
    }

    private static int limit(Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException("invalid_limit", "limit", "limit is from 1 to " + MAX_LIMIT + ".");
        }
        return limit;
    }

    /** The named flow, checked as createSession checks it; else every configured flow the caller may use. */
    private Set<String> flows(String flow, Caller caller) {
        if (flow == null) {
            return config.flows().keySet().stream().filter(caller::mayUse).collect(Collectors.toUnmodifiableSet());
        }
        UsableFlow.check(flow, config.flows().keySet(), caller);
        return Set.of(flow);
    }

    private static SessionStatus status(String status) {
        if (status == null) {
            return null;
        }
        return Arrays.stream(SessionStatus.values()).filter(known -> known.name().equals(status)).findFirst()
                .orElseThrow(() -> new InvalidRequestException("invalid_status", "status",
                        "status is one of " + Arrays.toString(SessionStatus.values()) + "."));
    }

    /** An ISO-8601 date-time with its offset ({@code Z} or {@code +05:00}), to the millisecond. */
    private static Instant instant(String value, String field) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant().truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("invalid_timestamp", field,
                    field + " is an ISO-8601 date-time with its offset, e.g. 2026-12-01T00:00:00Z.");
        }
    }

    /** What a page token is bound to: the caller and every filter, each length-prefixed so none run together. */
    private static String context(String flow, SessionListing filters) {
        StringBuilder context = new StringBuilder();
        for (Object part : new Object[] {filters.caller(), flow, filters.status(), filters.reference(),
                millis(filters.createdFrom()), millis(filters.createdBefore())}) {
            String text = part == null ? null : part.toString();
            context.append(text == null ? "-" : text.length() + ":" + text).append('\n');
        }
        return context.toString();
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }
}
