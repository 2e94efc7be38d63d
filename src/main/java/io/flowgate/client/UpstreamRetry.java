package io.flowgate.client;

import io.flowgate.budget.Budget;
import io.flowgate.budget.InvocationBudget;
import io.flowgate.client.UpstreamUnavailableException.Reason;
import io.flowgate.config.UpstreamConfig;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;

/**
 * When to try a vendor call again. Reads (result, video) are retried on 5xx, 429, timeouts and
 * connection errors, never on 4xx or a malformed answer; session creation only when no connection
 * was made at all, since any other retry could create a second paid session. Waits are exponential
 * with full jitter. The whole call, waits included, stays within {@code max-call-time} and within what is left of
 * the invocation's budget ({@link InvocationBudget}): each attempt is given at most what is left as its timeout,
 * and none is started once nothing is left.
 */
final class UpstreamRetry {

    /** Waits between attempts; tests replace it to record instead of sleeping. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private static final Logger LOG = Logger.getLogger(UpstreamRetry.class);
    private static final Set<Reason> TRANSIENT = EnumSet.of(Reason.SERVER_ERROR, Reason.RATE_LIMITED, Reason.TIMEOUT,
            Reason.CONNECTION_FAILED, Reason.NOT_CONNECTED);

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration maxCallTime;
    private final Sleeper sleeper;
    private final DoubleSupplier random;
    private final LongSupplier nanoTime;

    UpstreamRetry(UpstreamConfig config, Sleeper sleeper, DoubleSupplier random, LongSupplier nanoTime) {
        this.maxAttempts = Math.max(1, config.retry().maxAttempts());
        this.initialBackoff = config.retry().initialBackoff();
        this.maxBackoff = config.retry().maxBackoff();
        this.maxCallTime = config.maxCallTime();
        this.sleeper = sleeper;
        this.random = random;
        this.nanoTime = nanoTime;
    }

    /** Runs {@code attempt}, which must give up after the timeout it is handed, until one succeeds or it is over. */
    <T> T run(UpstreamOperation operation, Function<Duration, T> attempt) {
        Duration length = InvocationBudget.current().map(invocation -> invocation.cap(maxCallTime)).orElse(maxCallTime);
        Budget call = Budget.of(length, nanoTime);
        for (int number = 1; ; number++) {
            if (call.isSpent()) {
                LOG.infof("upstream.out-of-time operation=%s attempt=%d", operation, number);
                throw new UpstreamUnavailableException(operation, Reason.OUT_OF_TIME, 0);
            }
            try {
                return attempt.apply(call.remaining());
            } catch (UpstreamException failure) {
                Duration wait = backoff(number);
                if (number >= maxAttempts || !retryable(operation, failure) || !call.allows(wait.plusNanos(1))) {
                    throw failure;
                }
                LOG.infof("upstream.retry operation=%s attempt=%d waitMs=%d", operation, number + 1, wait.toMillis());
                pause(wait, failure);
            }
        }
    }

    static boolean retryable(UpstreamOperation operation, UpstreamException failure) {
        if (!(failure instanceof UpstreamUnavailableException unavailable)) {
            return false;
        }
        if (operation == UpstreamOperation.CREATE_SESSION) {
            return unavailable.reason() == Reason.NOT_CONNECTED;
        }
        return TRANSIENT.contains(unavailable.reason());
    }

    private Duration backoff(int failedAttempts) {
        long bound = Math.min(maxBackoff.toMillis(), initialBackoff.toMillis() << Math.min(failedAttempts - 1, 20));
        return Duration.ofMillis((long) (random.getAsDouble() * bound));
    }

    private void pause(Duration wait, UpstreamException failure) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure;
        }
    }
}
