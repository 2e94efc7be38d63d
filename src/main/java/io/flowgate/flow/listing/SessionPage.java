package io.flowgate.flow.listing;

import io.flowgate.flow.session.SessionView;
import java.util.List;

/**
 * One page of a caller's sessions, the newest first, without the vendor's raw results.
 *
 * @param nextPageToken where the next page starts: send it back with the same filters; null on the last page
 */
public record SessionPage(List<SessionView> sessions, String nextPageToken) {
}
