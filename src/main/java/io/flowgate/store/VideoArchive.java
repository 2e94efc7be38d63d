package io.flowgate.store;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a completed session's liveness video stands in the archive (only with
 * {@code flowgate.video.archive.bucket} set). Kept on the session, so a copy that failed, or that a function
 * instance never finished, is not lost: it stays {@link Status#DUE}, next tried at {@code nextAttemptAt} (later
 * after each failure, so a copy that keeps failing never holds back newer ones), until its attempts run out
 * ({@link Status#FAILED}; a request for the video tries once more).
 *
 * @param attempts copies tried so far
 * @param lastAttemptAt when the last copy was tried, or null before the first
 * @param lastError what the last failed copy ran into (an error class or code, never a message), or null
 * @param nextAttemptAt while DUE: when the next copy is due; else null
 */
public record VideoArchive(Status status, int attempts, Instant lastAttemptAt, String lastError, Instant nextAttemptAt) {

    public enum Status {
        /** To be copied: the session completed and no copy has succeeded yet. */
        DUE,
        /** In the bucket under {@code videos/<sessionId>}. */
        ARCHIVED,
        /** The vendor has no video for this session (no liveness technology was passed). */
        NO_VIDEO,
        /** Every attempt failed: no more copies by the sweep; a request for the video tries once more. */
        FAILED
    }

    public VideoArchive {
        Objects.requireNonNull(status, "status");
    }

    /** A copy to be made from {@code now}, none tried yet. */
    public static VideoArchive due(Instant now) {
        return new VideoArchive(Status.DUE, 0, null, null, now);
    }

    /** After a copy attempt at {@code now} that ended in {@code outcome}; {@code error} only for a failure. */
    public VideoArchive attempted(Status outcome, Instant now, String error) {
        return new VideoArchive(outcome, attempts + 1, now, error, null);
    }

    /** After a failed copy at {@code now}, due again at {@code next}. */
    public VideoArchive retryAt(Instant now, String error, Instant next) {
        return new VideoArchive(Status.DUE, attempts + 1, now, error, next);
    }

    /** When the sweep should next try this copy, or null when none is due (a DUE copy from before: at once). */
    public Instant dueAt(Instant fallback) {
        if (status != Status.DUE) {
            return null;
        }
        return nextAttemptAt == null ? fallback : nextAttemptAt;
    }
}
