package io.flowgate.flow.listing;

/**
 * What a caller asks {@code listSessions} for, as received; every field is optional. Checked by
 * {@link SessionListings} before anything is read.
 *
 * @param flow only this flow's sessions (one the caller may use); all the caller's flows when absent
 * @param status only sessions in this status ({@code CREATED}, {@code PENDING}, {@code COMPLETED}, ...)
 * @param reference only sessions with this integrator reference
 * @param createdAfter only sessions created at or after this ISO-8601 instant (to the millisecond)
 * @param createdBefore only sessions created before this ISO-8601 instant (to the millisecond)
 * @param limit how many sessions a page holds at most: 1 to 100, default 20
 * @param pageToken the {@code nextPageToken} of the page before, with the same filters; none for the first page
 */
public record ListSessionsRequest(String flow, String status, String reference, String createdAfter,
        String createdBefore, Integer limit, String pageToken) {
}
