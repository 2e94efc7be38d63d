package io.flowgate.flow.webhook;

import io.flowgate.config.FlowgateConfig;
import io.flowgate.config.WebhooksConfig;
import io.flowgate.flow.webhook.WebhookSender.Answer;
import io.flowgate.store.WebhookDelivery.Attempt;
import io.flowgate.store.WebhookDelivery.State;
import io.flowgate.store.WebhookDelivery;
import java.time.Duration;
import java.time.Instant;

/**
 * What follows an attempt: a 2xx answer delivers; anything else (another status, a timeout, no connection) is
 * retried after a wait that starts at {@code initial-backoff} and doubles up to {@code max-backoff}, until the
 * round has made {@code max-attempts} or the next attempt would come later than {@code give-up-after} from the
 * round's start: then the delivery has FAILED, until it is resent.
 */
final class RetrySchedule {

    static final String DELIVERED = "delivered";
    static final String RETRY = "retry";
    static final String FAILED = "failed";

    private final WebhooksConfig config;

    RetrySchedule(WebhooksConfig config) {
        this.config = config;
    }

    WebhookDelivery after(WebhookDelivery delivery, Answer answer, Instant attemptedAt) {
        if (answer.accepted()) {
            return delivery.after(attempt(attemptedAt, answer, DELIVERED), State.DELIVERED, null);
        }
        int made = delivery.roundAttempts() + 1;
        Instant next = attemptedAt.plus(wait(made));
        if (made >= config.maxAttempts() || next.isAfter(delivery.roundStartedAt().plus(config.giveUpAfter()))) {
            return delivery.after(attempt(attemptedAt, answer, FAILED), State.FAILED, null);
        }
        return delivery.after(attempt(attemptedAt, answer, RETRY), State.PENDING, next);
    }

    /** The wait after the {@code made}-th failed attempt: initial × 2^(made−1), at most max-backoff. */
    Duration wait(int made) {
        Duration wait = config.initialBackoff();
        for (int i = 1; i < made && wait.compareTo(config.maxBackoff()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : wait;
    }

    private static Attempt attempt(Instant at, Answer answer, String outcome) {
        return new Attempt(at, answer.statusCode(), answer.error(), outcome);
    }
}
