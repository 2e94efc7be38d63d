package io.flowgate.config;

import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Settings of flowgate: see {@link FlowgateConfig#webhooks()}. */
public interface WebhooksConfig {
    /** Attempts per delivery in all, the first included; then it is FAILED until resent. */
    @WithDefault("12")
    int maxAttempts();

    /** The wait after the first failed attempt; each further wait doubles. */
    @WithDefault("30S")
    Duration initialBackoff();

    /** The longest wait between two attempts. */
    @WithDefault("2H")
    Duration maxBackoff();

    /** No attempt is scheduled later than this after the delivery (or its resend) began: it is FAILED then. */
    @WithDefault("24H")
    Duration giveUpAfter();

    /** How long one attempt may take: connecting, sending and the receiver's answer. */
    @WithDefault("10S")
    Duration timeout();

    /** At most this many deliveries per run of the delivery function. */
    @WithDefault("25")
    int batchSize();

    /**
     * How long one run of the delivery function may work: it starts no new attempt once less than {@code timeout}
     * of it, or of its Lambda invocation's remaining time, is left, and reports what it left ({@code leftOver}).
     */
    @WithDefault("280S")
    Duration timeBudget();

    /** Deliver what is due this often inside the process (dev); unset: only when invoked (Lambda: on a schedule). */
    Optional<Duration> interval();
}
