package io.flowgate.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A person's final word on a session that the decision rules left for review ({@code reviewSession}).
 *
 * @param outcome {@code approved} or {@code declined}
 * @param reviewer the name of the caller that recorded it (from configuration; not a person's name)
 * @param reviewedAt when it was recorded
 * @param note the reviewer's free text, at most 500 characters, or null; documented as not meant for personal data,
 *        erased all the same when the session is redacted, and never logged
 */
public record SessionReview(String outcome, String reviewer, Instant reviewedAt, String note) {

    public static final String APPROVED = "approved";
    public static final String DECLINED = "declined";

    public SessionReview {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reviewer, "reviewer");
        Objects.requireNonNull(reviewedAt, "reviewedAt");
    }

    /** The same review without its note: what a redacted session keeps. */
    public SessionReview withoutNote() {
        return new SessionReview(outcome, reviewer, reviewedAt, null);
    }

    @Override
    public String toString() {
        return "SessionReview[outcome=" + outcome + ", reviewer=" + reviewer + ", reviewedAt=" + reviewedAt + "]";
    }
}
