package io.flowgate.flow.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.flowgate.config.FlowgateConfig;
import io.flowgate.config.WebhooksConfig;
import io.flowgate.flow.webhook.WebhookSender.Answer;
import io.flowgate.store.WebhookDelivery.Attempt;
import io.flowgate.store.WebhookDelivery.State;
import io.flowgate.store.WebhookDelivery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:15:30Z");
    private static final Answer FAILED_500 = new Answer(500, null);
    private static final Answer TIMEOUT = new Answer(null, "timeout");

    @Test
    void waitsThirtySecondsThenDoublesUpToTwoHoursByDefault() {
        RetrySchedule schedule = new RetrySchedule(config(12, "30S", "2H", "24H"));

        List<Duration> waits = new ArrayList<>();
        for (int made = 1; made <= 11; made++) {
            waits.add(schedule.wait(made));
        }

        assertEquals(List.of(Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2),
                Duration.ofMinutes(4), Duration.ofMinutes(8), Duration.ofMinutes(16), Duration.ofMinutes(32),
                Duration.ofMinutes(64), Duration.ofHours(2), Duration.ofHours(2), Duration.ofHours(2)), waits);
    }

    @Test
    void deliversOnAnyTwoHundredAnswer() {
        RetrySchedule schedule = new RetrySchedule(config(3, "30S", "10M", "1H"));

        WebhookDelivery after = schedule.after(fresh(), new Answer(202, null), T0);

        assertEquals(State.DELIVERED, after.state());
        assertNull(after.nextAttemptAt());
        assertEquals(List.of(new Attempt(T0, 202, null, "delivered")), after.attempts());
    }

    @Test
    void retriesAnyOtherAnswerOrNoAnswerAfterTheBackoff() {
        RetrySchedule schedule = new RetrySchedule(config(3, "30S", "10M", "1H"));

        WebhookDelivery first = schedule.after(fresh(), FAILED_500, T0);
        WebhookDelivery second = schedule.after(first, TIMEOUT, T0.plusSeconds(30));

        assertEquals(State.PENDING, second.state());
        assertEquals(T0.plusSeconds(90), second.nextAttemptAt());
        assertEquals(List.of(new Attempt(T0, 500, null, "retry"), new Attempt(T0.plusSeconds(30), null, "timeout", "retry")),
                second.attempts());
        assertEquals(2, second.roundAttempts());
        assertEquals(State.PENDING, schedule.after(fresh(), new Answer(302, null), T0).state());
    }

    @Test
    void failsOnTheLastAttemptOfTheRound() {
        RetrySchedule schedule = new RetrySchedule(config(3, "30S", "10M", "1H"));

        WebhookDelivery failed = schedule.after(schedule.after(schedule.after(fresh(), FAILED_500, T0),
                FAILED_500, T0.plusSeconds(30)), FAILED_500, T0.plusSeconds(90));

        assertEquals(State.FAILED, failed.state());
        assertNull(failed.nextAttemptAt());
        assertEquals("failed", failed.attempts().get(2).outcome());
        assertEquals(T0.plusSeconds(90), failed.lastActivity());
    }

    @Test
    void failsWhenTheNextAttemptWouldComeAfterTheTotalTime() {
        RetrySchedule schedule = new RetrySchedule(config(100, "30M", "2H", "1H"));

        WebhookDelivery first = schedule.after(fresh(), FAILED_500, T0);
        WebhookDelivery second = schedule.after(first, FAILED_500, T0.plus(Duration.ofMinutes(30)));

        assertEquals(State.PENDING, first.state());
        assertEquals(State.FAILED, second.state());
    }

    @Test
    void aResendStartsANewRoundAndKeepsTheEarlierAttempts() {
        RetrySchedule schedule = new RetrySchedule(config(1, "30S", "10M", "1H"));
        WebhookDelivery failed = schedule.after(fresh(), FAILED_500, T0);

        WebhookDelivery resent = WebhookDelivery.pending(failed.eventId(), failed.type(), T0.plusSeconds(600),
                failed.attempts());
        WebhookDelivery delivered = schedule.after(resent, new Answer(200, null), T0.plusSeconds(600));

        assertEquals(State.DELIVERED, delivered.state());
        assertEquals(1, delivered.roundAttempts());
        assertEquals(List.of("failed", "delivered"), delivered.attempts().stream().map(Attempt::outcome).toList());
    }

    @Test
    void keepsOnlyTheLatestHundredAttempts() {
        WebhookDelivery delivery = fresh();
        for (int i = 0; i < 105; i++) {
            delivery = delivery.after(new Attempt(T0.plusSeconds(i), 500, null, "retry"), State.PENDING, T0);
        }

        assertEquals(100, delivery.attempts().size());
        assertEquals(T0.plusSeconds(5), delivery.attempts().get(0).at());
        assertEquals(105, delivery.roundAttempts());
    }

    private static WebhookDelivery fresh() {
        return WebhookDelivery.pending("evt_1", WebhookEvent.COMPLETED, T0, List.of());
    }

    static WebhooksConfig config(int maxAttempts, String initial, String max, String giveUpAfter) {
        return new WebhooksConfig() {
            @Override
            public int maxAttempts() {
                return maxAttempts;
            }

            @Override
            public Duration initialBackoff() {
                return Duration.parse("PT" + initial);
            }

            @Override
            public Duration maxBackoff() {
                return Duration.parse("PT" + max);
            }

            @Override
            public Duration giveUpAfter() {
                return Duration.parse("PT" + giveUpAfter);
            }

            @Override
            public Duration timeout() {
                return Duration.ofSeconds(10);
            }

            @Override
            public int batchSize() {
                return 25;
            }

            @Override
            public Duration timeBudget() {
                return Duration.ofSeconds(280);
            }

            @Override
            public Optional<Duration> interval() {
                return Optional.empty();
            }
        };
    }
}
