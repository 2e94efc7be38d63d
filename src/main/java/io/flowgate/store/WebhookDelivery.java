package io.flowgate.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The outbox of a session's webhook: the event being delivered, where its delivery stands and every attempt, and the
 * events queued behind it. It is kept on the session and written by the same conditional write that makes the
 * session final (or that reviews or redacts it), so no event is ever lost; deliverers claim an attempt by writing the
 * session at the next version. Events go out one at a time, in order: a later event ({@code session.reviewed},
 * {@code session.redacted}) waits in {@code queued} until the one before it is DELIVERED, then becomes the delivery,
 * with attempts of its own (a FAILED one holds the queue until it is resent and delivered). Holds no URL, no secret
 * and no personal data (the bodies are built from the session when sent).
 *
 * @param eventId stable for the session and event type: the same on every attempt and resend ({@code webhook-id})
 * @param type {@code session.completed} or {@code session.expired}
 * @param state where the delivery stands
 * @param nextAttemptAt while PENDING: when the next attempt is due (while one is in flight: when its claim runs
 *        out, so that an attempt lost with its process is made again); null otherwise
 * @param roundStartedAt when the current round began (the first delivery, or the last resend): bounds its total time
 * @param roundAttempts the attempts made in the current round
 * @param attempts every attempt of this event, oldest first; only the most recent {@value #KEPT_ATTEMPTS} are kept
 * @param queued the types of the events waiting behind this one, oldest first; empty on records stored before there
 *        could be more than one event
 */
public record WebhookDelivery(String eventId, String type, State state, Instant nextAttemptAt, Instant roundStartedAt,
        int roundAttempts, List<Attempt> attempts, List<String> queued) {

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
        queued = queued == null ? List.of() : List.copyOf(queued);
    }

    /** A delivery with no event queued behind it. */
    public WebhookDelivery(String eventId, String type, State state, Instant nextAttemptAt, Instant roundStartedAt,
            int roundAttempts, List<Attempt> attempts) {
        this(eventId, type, state, nextAttemptAt, roundStartedAt, roundAttempts, attempts, List.of());
    }

    /** A new round: due at once, no attempt made in it yet; earlier attempts stay on record. */
    public static WebhookDelivery pending(String eventId, String type, Instant now, List<Attempt> earlier) {
        return new WebhookDelivery(eventId, type, State.PENDING, now, now, 0, earlier);
    }

    /** A new round of this delivery's event, as {@link #pending}, keeping the events queued behind it. */
    public WebhookDelivery resent(Instant now) {
        return new WebhookDelivery(eventId, type, State.PENDING, now, now, 0, attempts, queued);
    }

    /** The same delivery, due at another time (a claim moves it past the attempt in flight). */
    public WebhookDelivery dueAt(Instant instant) {
        return new WebhookDelivery(eventId, type, state, instant, roundStartedAt, roundAttempts, attempts, queued);
    }

    /** Whether the event of that type is this delivery's or queued behind it. */
    public boolean holds(String eventType) {
        return type.equals(eventType) || queued.contains(eventType);
    }

    /** This delivery with an event of {@code eventType} queued behind the others. */
    public WebhookDelivery queue(String eventType) {
        List<String> all = new ArrayList<>(queued);
        all.add(eventType);
        return new WebhookDelivery(eventId, type, state, nextAttemptAt, roundStartedAt, roundAttempts, attempts, all);
    }

    /** Whether this delivery is done and an event waits behind it. */
    public boolean advances() {
        return state == State.DELIVERED && !queued.isEmpty();
    }

    /** The delivery of the first queued event (whose id is {@code nextEventId}), due at {@code now}. */
    public WebhookDelivery next(String nextEventId, Instant now) {
        return new WebhookDelivery(nextEventId, queued.get(0), State.PENDING, now, now, 0, List.of(),
                queued.subList(1, queued.size()));
    }

    /** Whether {@code other} is this delivery at the same point, whatever was queued behind it since. */
    public boolean sameAttemptAs(WebhookDelivery other) {
        return other != null && dueAt(nextAttemptAt).equals(new WebhookDelivery(other.eventId, other.type, other.state,
                other.nextAttemptAt, other.roundStartedAt, other.roundAttempts, other.attempts, queued));
    }

    /** The delivery after one more attempt of this round, in {@code newState}, due at {@code next} if PENDING. */
    public WebhookDelivery after(Attempt attempt, State newState, Instant next) {
        List<Attempt> all = new ArrayList<>(attempts);
        all.add(attempt);
        List<Attempt> kept = all.subList(Math.max(0, all.size() - KEPT_ATTEMPTS), all.size());
        return new WebhookDelivery(eventId, type, newState, newState == State.PENDING ? next : null, roundStartedAt,
                roundAttempts + 1, kept, queued);
    }

    /** When the delivery was last attempted, or when its round began if not yet. */
    public Instant lastActivity() {
        return attempts.isEmpty() ? roundStartedAt : attempts.get(attempts.size() - 1).at();
    }
}
