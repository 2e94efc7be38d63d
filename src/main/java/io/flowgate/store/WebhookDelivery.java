package io.flowgate.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The outbox of a session's webhook: its one event, where its delivery stands and every attempt. It is kept on
 * the session and written by the same conditional write that makes the session final, so no event is ever lost;
 * deliverers claim an attempt by writing the session at the next version. Holds no URL and no secret.
 *
 * @param eventId stable for the session and event type: the same on every attempt and resend ({@code webhook-id})
 * @param type {@code session.completed} or {@code session.expired}
 * @param state where the delivery stands
 * @param nextAttemptAt while PENDING: when the next attempt is due (while one is in flight: when its claim runs
 *        out, so that an attempt lost with its process is made again); null otherwise
 * @param roundStartedAt when the current round began (the first delivery, or the last resend): bounds its total time
 * @param roundAttempts the attempts made in the current round
 * @param attempts every attempt, oldest first; only the most recent {@value #KEPT_ATTEMPTS} are kept
 */
public record WebhookDelivery(String eventId, String type, State state, Instant nextAttemptAt, Instant roundStartedAt,
        int roundAttempts, List<Attempt> attempts) {

    /** How many attempts a session keeps, so that its record stays small however often it is resent. */
    public static final int KEPT_ATTEMPTS = 100;

    /** Where a delivery stands. */
    public enum State {
        /** An attempt is due at {@code nextAttemptAt}. */
        PENDING,
        /** The receiver answered 2xx. */
        DELIVERED,
        /** Every attempt of the round failed; only a resend starts another. */
        FAILED
    }

    /**
     * One attempt to deliver.
     *
     * @param statusCode the receiver's HTTP status, or null when there was none (timeout, connection failure)
     * @param error why there was no status ({@code timeout}, {@code connection_failed}, ...), or null
     * @param outcome {@code delivered}, {@code retry} (another attempt is scheduled) or {@code failed} (gave up)
     */
    public record Attempt(Instant at, Integer statusCode, String error, String outcome) {

        public Attempt {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    public WebhookDelivery {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(roundStartedAt, "roundStartedAt");
        attempts = List.copyOf(attempts);
    }

    /** A new round: due at once, no attempt made in it yet; earlier attempts stay on record. */
    public static WebhookDelivery pending(String eventId, String type, Instant now, List<Attempt> earlier) {
        return new WebhookDelivery(eventId, type, State.PENDING, now, now, 0, earlier);
    }

    /** The same delivery, due at another time (a claim moves it past the attempt in flight). */
    public WebhookDelivery dueAt(Instant instant) {
        return new WebhookDelivery(eventId, type, state, instant, roundStartedAt, roundAttempts, attempts);
    }

    /** The delivery after one more attempt of this round, in {@code newState}, due at {@code next} if PENDING. */
    public WebhookDelivery after(Attempt attempt, State newState, Instant next) {
        List<Attempt> all = new ArrayList<>(attempts);
        all.add(attempt);
        List<Attempt> kept = all.subList(Math.max(0, all.size() - KEPT_ATTEMPTS), all.size());
        return new WebhookDelivery(eventId, type, newState, newState == State.PENDING ? next : null, roundStartedAt,
                roundAttempts + 1, kept);
    }

    /** When the delivery was last attempted, or when its round began if not yet. */
    public Instant lastActivity() {
        return attempts.isEmpty() ? roundStartedAt : attempts.get(attempts.size() - 1).at();
    }
}
