package io.flowgate.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.flowgate.budget.Budget;
import io.flowgate.budget.InvocationBudget;
import io.flowgate.client.UpstreamUnavailableException.Reason;
import io.flowgate.config.UpstreamConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class UpstreamRetryTest {

    private final List<Duration> waits = new ArrayList<>();
    private final AtomicLong now = new AtomicLong();

    private UpstreamRetry retry(int maxAttempts, Duration maxCallTime) {
        return new UpstreamRetry(upstream(maxAttempts, maxCallTime), duration -> {
            waits.add(duration);
            now.addAndGet(duration.toNanos());
        }, () -> 1.0, now::get);
    }

    @Test
    void retriesAReadOnServerErrorsWithDoublingWaitsUntilItSucceeds() {
        AtomicInteger attempts = new AtomicInteger();

        String result = retry(4, Duration.ofSeconds(20)).run(UpstreamOperation.GET_RESULT, timeout -> {
            if (attempts.incrementAndGet() < 4) {
                throw unavailable(UpstreamOperation.GET_RESULT, Reason.SERVER_ERROR);
            }
            return "result";
        });

        assertEquals("result", result);
        assertEquals(List.of(Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(800)), waits);
    }

    @Test
    void capsEachWaitAtTheMaximumBackoff() {
        assertThrows(UpstreamUnavailableException.class, () -> retry(6, Duration.ofMinutes(1))
                .run(UpstreamOperation.DOWNLOAD_VIDEO, timeout -> {
                    throw unavailable(UpstreamOperation.DOWNLOAD_VIDEO, Reason.TIMEOUT);
                }));

        assertEquals(List.of(Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(800),
                Duration.ofMillis(1000), Duration.ofMillis(1000)), waits);
    }

    @Test
    void givesUpAfterTheLastAttemptWithTheLastFailure() {
        AtomicInteger attempts = new AtomicInteger();
        UpstreamUnavailableException last = unavailable(UpstreamOperation.GET_RESULT, Reason.CONNECTION_FAILED);

        UpstreamUnavailableException thrown = assertThrows(UpstreamUnavailableException.class,
                () -> retry(3, Duration.ofSeconds(20)).run(UpstreamOperation.GET_RESULT, timeout -> {
                    attempts.incrementAndGet();
                    throw last;
                }));

        assertSame(last, thrown);
        assertEquals(3, attempts.get());
    }

    @Test
    void stopsBeforeAWaitWouldPassTheCallsTimeBudget() {
        AtomicInteger attempts = new AtomicInteger();

        assertThrows(UpstreamUnavailableException.class, () -> retry(10, Duration.ofMillis(500))
                .run(UpstreamOperation.GET_RESULT, timeout -> {
                    attempts.incrementAndGet();
                    throw unavailable(UpstreamOperation.GET_RESULT, Reason.SERVER_ERROR);
                }));

        assertEquals(2, attempts.get());
        assertEquals(List.of(Duration.ofMillis(200)), waits);
    }

    @Test
    void givesEachAttemptWhatIsLeftOfTheInvocationsBudgetAsItsTimeout() {
        List<Duration> timeouts = new ArrayList<>();

        String result = InvocationBudget.within(Budget.of(Duration.ofSeconds(3), now::get),
                () -> retry(3, Duration.ofSeconds(20)).run(UpstreamOperation.GET_RESULT, timeout -> {
                    timeouts.add(timeout);
                    now.addAndGet(Duration.ofMillis(500).toNanos());
                    if (timeouts.size() < 3) {
                        throw unavailable(UpstreamOperation.GET_RESULT, Reason.TIMEOUT);
                    }
                    return "result";
                }));

        assertEquals("result", result);
        assertEquals(List.of(Duration.ofSeconds(3), Duration.ofMillis(2300), Duration.ofMillis(1400)), timeouts);
    }

    @Test
    void keepsTheCallsOwnLimitWhenTheInvocationHasMoreTimeLeft() {
        List<Duration> timeouts = new ArrayList<>();

        InvocationBudget.within(Budget.of(Duration.ofMinutes(5), now::get),
                () -> retry(1, Duration.ofSeconds(20)).run(UpstreamOperation.GET_RESULT, timeouts::add));

        assertEquals(List.of(Duration.ofSeconds(20)), timeouts);
    }

    @Test
    void startsNoAttemptOnceTheInvocationsBudgetIsSpent() {
        AtomicInteger attempts = new AtomicInteger();

        UpstreamUnavailableException thrown = assertThrows(UpstreamUnavailableException.class,
                () -> InvocationBudget.within(Budget.of(Duration.ZERO, now::get),
                        () -> retry(3, Duration.ofSeconds(20)).run(UpstreamOperation.CREATE_SESSION, timeout ->
                                attempts.incrementAndGet())));

        assertEquals(Reason.OUT_OF_TIME, thrown.reason());
        assertEquals(0, attempts.get());
    }

    @Test
    void waitsNoLongerThanWhatIsLeftOfTheInvocationsBudget() {
        AtomicInteger attempts = new AtomicInteger();

        assertThrows(UpstreamUnavailableException.class,
                () -> InvocationBudget.within(Budget.of(Duration.ofMillis(300), now::get),
                        () -> retry(5, Duration.ofSeconds(20)).run(UpstreamOperation.GET_RESULT, timeout -> {
                            attempts.incrementAndGet();
                            throw unavailable(UpstreamOperation.GET_RESULT, Reason.SERVER_ERROR);
                        })));

        assertEquals(2, attempts.get());
        assertEquals(List.of(Duration.ofMillis(200)), waits);
    }

    @ParameterizedTest
    @EnumSource(value = Reason.class, names = {"SERVER_ERROR", "TIMEOUT", "CONNECTION_FAILED", "RATE_LIMITED",
            "MALFORMED_RESPONSE"})
    void neverRetriesSessionCreationOnceTheRequestMayHaveReachedTheVendor(Reason reason) {
        AtomicInteger attempts = new AtomicInteger();

        assertThrows(UpstreamUnavailableException.class, () -> retry(3, Duration.ofSeconds(20))
                .run(UpstreamOperation.CREATE_SESSION, timeout -> {
                    attempts.incrementAndGet();
                    throw unavailable(UpstreamOperation.CREATE_SESSION, reason);
                }));

        assertEquals(1, attempts.get());
    }

    @Test
    void retriesSessionCreationWhenNoConnectionWasMade() {
        AtomicInteger attempts = new AtomicInteger();

        String created = retry(3, Duration.ofSeconds(20)).run(UpstreamOperation.CREATE_SESSION, timeout -> {
            if (attempts.incrementAndGet() == 1) {
                throw unavailable(UpstreamOperation.CREATE_SESSION, Reason.NOT_CONNECTED);
            }
            return "created";
        });

        assertEquals("created", created);
        assertEquals(2, attempts.get());
    }

    @Test
    void neverRetriesClientErrorsOrMalformedAnswers() {
        List<UpstreamException> failures = List.of(new UpstreamKeyRejectedException(UpstreamOperation.GET_RESULT, 403),
                new UpstreamSessionUnknownException(UpstreamOperation.GET_RESULT),
                new UpstreamRequestRejectedException(UpstreamOperation.GET_RESULT, 400, "bad"),
                unavailable(UpstreamOperation.GET_RESULT, Reason.MALFORMED_RESPONSE));
        for (UpstreamException failure : failures) {
            AtomicInteger attempts = new AtomicInteger();
            assertThrows(UpstreamException.class, () -> retry(3, Duration.ofSeconds(20))
                    .run(UpstreamOperation.GET_RESULT, timeout -> {
                        attempts.incrementAndGet();
                        throw failure;
                    }));
            assertEquals(1, attempts.get(), failure.getClass().getSimpleName());
        }
    }

    private static UpstreamUnavailableException unavailable(UpstreamOperation operation, Reason reason) {
        return new UpstreamUnavailableException(operation, reason, reason == Reason.SERVER_ERROR ? 503 : 0);
    }

    private static UpstreamConfig upstream(int maxAttempts, Duration maxCallTime) {
        return new UpstreamConfig() {
            public String apiUrl() {
                return "http://localhost";
            }

            public String flowUrl() {
                return "http://localhost/flow";
            }

            public Optional<String> tlsConfigurationName() {
                return Optional.empty();
            }

            public Duration connectTimeout() {
                return Duration.ofSeconds(2);
            }

            public Duration readTimeout() {
                return Duration.ofSeconds(10);
            }

            public Duration maxCallTime() {
                return maxCallTime;
            }

            public Retry retry() {
                return new Retry() {
                    public int maxAttempts() {
                        return maxAttempts;
                    }

                    public Duration initialBackoff() {
                        return Duration.ofMillis(200);
                    }

                    public Duration maxBackoff() {
                        return Duration.ofSeconds(1);
                    }
                };
            }
        };
    }
}
