package io.flowgate.store;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a completed session's liveness video stands in the archive (only with
 * {@code flowgate.video.archive.bucket} set). Kept on the session, so a copy that failed, or that a function
 * instance never finished, is not lost: it stays {@link Status#DUE} and the next attempt picks it up.
 *
 * @param attempts copies tried so far
 * @param lastAttemptAt when the last copy was tried, or null before the first
 * @param lastError what the last failed copy ran into (an error class or code, never a message), or null
 */
public record VideoArchive(Status status, int attempts, Instant lastAttemptAt, String lastError) {

    public enum Status {
        /** To be copied: the session completed and no copy has succeeded yet. */
        DUE,
        /** In the bucket under {@code videos/<sessionId>}. */
        ARCHIVED,
        /** The vendor has no video for this session (no liveness technology was passed). */
        NO_VIDEO
    }

    public VideoArchive {
        Objects.requireNonNull(status, "status");
    }

    /** A copy to be made, none tried yet. */
    public static VideoArchive due() {
        return new VideoArchive(Status.DUE, 0, null, null);
    }

    /** After a copy attempt at {@code now} that ended in {@code outcome}; {@code error} only for a failure. */
    public VideoArchive attempted(Status outcome, Instant now, String error) {
        return new VideoArchive(outcome, attempts + 1, now, error);
    }
}
