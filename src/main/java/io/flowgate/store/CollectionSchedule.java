package io.flowgate.store;

import java.time.Instant;
import java.util.Objects;

/**
 * When the sweep next collects an unfinished session, and how its collections have gone: the sweep takes sessions
 * by {@code nextAt}, so a session that keeps failing waits longer each time and never holds back the others.
 *
 * @param nextAt when the session is next due
 * @param failures collections that failed in a row (0 after one that succeeded)
 * @param lastError what the last failed collection ran into (a problem code, never a message), or null
 */
public record CollectionSchedule(Instant nextAt, int failures, String lastError) {

    public CollectionSchedule {
        Objects.requireNonNull(nextAt, "nextAt");
    }

    /** Due at {@code at}, no failure so far. */
    public static CollectionSchedule first(Instant at) {
        return new CollectionSchedule(at, 0, null);
    }

    /** After one more failure with {@code error}, next due at {@code at}. */
    public CollectionSchedule failed(String error, Instant at) {
        return new CollectionSchedule(at, failures + 1, error);
    }
}
