package io.flowgate.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Which of a caller's sessions to list: every filter is optional (null) apart from the caller and its flows.
 *
 * @param caller the caller that created the sessions; sessions stored without a caller are never listed
 * @param flows the flows to list, each one the caller may use
 * @param status only sessions in this status, or null
 * @param reference only sessions with this integrator reference, or null
 * @param createdFrom only sessions created at or after this instant, or null
 * @param createdBefore only sessions created before this instant, or null
 * @param after the listing starts right after this position, or at the newest session when null
 */
public record SessionListing(String caller, Set<String> flows, SessionStatus status, String reference,
        Instant createdFrom, Instant createdBefore, SessionPosition after) {

    public SessionListing {
        Objects.requireNonNull(caller, "caller");
        flows = Set.copyOf(flows);
    }

    /** Whether the session is one this listing lists, wherever it starts. */
    public boolean matches(SessionRecord session) {
        return caller.equals(session.caller())
                && flows.contains(session.flow())
                && (status == null || status == session.status())
                && (reference == null || reference.equals(session.reference()))
                && (createdFrom == null || !session.createdAt().isBefore(createdFrom))
                && (createdBefore == null || session.createdAt().isBefore(createdBefore));
    }

    /** Whether the session comes after where this listing starts. */
    public boolean startsBefore(SessionRecord session) {
        return after == null || after.isFollowedBy(SessionPosition.of(session));
    }
}
