package io.flowgate.journey;

import static io.flowgate.journey.Webhooks.attempts;
import static io.flowgate.journey.Webhooks.awaitDelivery;
import static io.flowgate.journey.Webhooks.deliverWebhooks;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flowgate.flow.webhook.WebhookDeliverer;
import io.flowgate.sandbox.Sandbox;
import io.flowgate.store.SessionRecord;
import io.flowgate.store.SessionStore;
import io.flowgate.store.VideoArchive;
import io.flowgate.store.WebhookDelivery;
import io.flowgate.testsupport.MutableClock;
import io.flowgate.testsupport.StoreFaults;
import io.flowgate.testsupport.WebhookReceiver;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Another writer changes a session while its webhook attempt waits for the receiver's answer, so the write that
 * records the attempt loses its condition: the race forced by a receiver that makes the other write while it
 * holds the POST. Run on both stores (memory and dynalite).
 */
final class WebhookRecordRaces {

    private final Sandbox sandbox;
    private final SessionStore store;
    private final WebhookDeliverer deliverer;
    private final MutableClock clock;
    private final WebhookReceiver receiver;
    private final StoreFaults faults;

    WebhookRecordRaces(Sandbox sandbox, SessionStore store, WebhookDeliverer deliverer, MutableClock clock,
            WebhookReceiver receiver, StoreFaults faults) {
        this.faults = faults;
        this.sandbox = sandbox;
        this.store = store;
        this.deliverer = deliverer;
        this.clock = clock;
        this.receiver = receiver;
    }

    /**
     * The video copy's write lands during the POST: the attempt is recorded on the session as that write left it,
     * both changes are kept, and the event is not sent again once the claim would have run out.
     */
    void aVideoCopyWrittenDuringThePostKeepsTheAttemptAndTheCopy() throws Exception {
        String sessionId = dueForASecondAttempt();
        long versionBefore = store.find(sessionId).orElseThrow().version();
        CompletableFuture<VideoArchive> copied = new CompletableFuture<>();
        receiver.whileHoldingNext(() -> write(copied, () -> {
            SessionRecord claimed = store.find(sessionId).orElseThrow();
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            VideoArchive archived = VideoArchive.due(now).attempted(VideoArchive.Status.ARCHIVED, now, null);
            store.update(claimed.withVideoArchive(archived, now));
            return archived;
        }));

        Optional<WebhookDelivery> made = deliverer.attempt(sessionId);

        VideoArchive archived = copied.get(5, TimeUnit.SECONDS);
        assertEquals(Optional.of(WebhookDelivery.State.DELIVERED), made.map(WebhookDelivery::state));
        SessionRecord stored = store.find(sessionId).orElseThrow();
        assertEquals(List.of("500 retry", "204 delivered"), summary(stored.webhook()));
        assertEquals(WebhookDelivery.State.DELIVERED, stored.webhook().state());
        assertEquals(archived, stored.videoArchive(), "the video copy's change is kept");
        assertEquals(versionBefore + 3, stored.version(), "the claim, the video copy, the attempt's record");

        clock.advance(Duration.ofMinutes(5));
        deliverWebhooks().then().statusCode(200).body("examined", equalTo(0));
        assertEquals(List.of(500, 204), receiver.received().stream().map(WebhookReceiver.Received::answer).toList(),
                "the receiver accepted the event exactly once");
    }

    /**
     * Another deliverer took the delivery over during the POST (as it may once a claim has run out): the attempt
     * in flight does not overwrite that deliverer's state with its own.
     */
    void aDeliveryTakenOverDuringThePostIsNotOverwritten() throws Exception {
        String sessionId = dueForASecondAttempt();
        CompletableFuture<WebhookDelivery> takenOver = new CompletableFuture<>();
        receiver.whileHoldingNext(() -> write(takenOver, () -> {
            SessionRecord claimed = store.find(sessionId).orElseThrow();
            WebhookDelivery other = claimed.webhook().dueAt(clock.instant().truncatedTo(ChronoUnit.MILLIS)
                    .plus(Duration.ofMinutes(7)));
            store.update(claimed.nextWebhook(other));
            return other;
        }));

        Optional<WebhookDelivery> made = deliverer.attempt(sessionId);

        WebhookDelivery other = takenOver.get(5, TimeUnit.SECONDS);
        assertEquals(Optional.empty(), made);
        assertEquals(other, store.find(sessionId).orElseThrow().webhook());
        assertEquals(List.of("500 retry"), summary(other));
    }

    /**
     * The record loses to four other writes in a row (a video copy tried each time): it is applied on the fifth
     * try, over all four, and the event is not sent again.
     */
    void aRecordLosingFourTimesInARowIsAppliedOnTheFifthTry() {
        String sessionId = dueForASecondAttempt();
        long versionBefore = store.find(sessionId).orElseThrow().version();
        faults.interfereWithUpdates(4, WebhookRecordRaces::recordsTheSecondAttempt, WebhookRecordRaces::videoCopyTried);

        Optional<WebhookDelivery> made = deliverer.attempt(sessionId);

        assertEquals(Optional.of(WebhookDelivery.State.DELIVERED), made.map(WebhookDelivery::state));
        SessionRecord stored = store.find(sessionId).orElseThrow();
        assertEquals(List.of("500 retry", "204 delivered"), summary(stored.webhook()));
        assertEquals(4, stored.videoArchive().attempts(), "every other write is kept");
        assertEquals(versionBefore + 6, stored.version(), "the claim, four other writes, the attempt's record");
        clock.advance(Duration.ofMinutes(5));
        deliverWebhooks().then().statusCode(200).body("examined", equalTo(0));
        assertEquals(List.of(500, 204), answers());
    }

    /**
     * The record loses five times in a row: it is given up (bounded), the delivery stays claimed, and once the claim
     * runs out the scheduled run makes the attempt again: delivery stays at least once.
     */
    void aRecordLosingFiveTimesInARowIsGivenUpAndTheAttemptMadeAgainOnceTheClaimRunsOut() {
        String sessionId = dueForASecondAttempt();
        faults.interfereWithUpdates(5, WebhookRecordRaces::recordsTheSecondAttempt, WebhookRecordRaces::videoCopyTried);

        Optional<WebhookDelivery> made = deliverer.attempt(sessionId);

        assertEquals(Optional.empty(), made);
        SessionRecord stored = store.find(sessionId).orElseThrow();
        assertEquals(List.of("500 retry"), summary(stored.webhook()));
        assertEquals(WebhookDelivery.State.PENDING, stored.webhook().state());
        assertEquals(5, stored.videoArchive().attempts());
        deliverWebhooks().then().statusCode(200).body("examined", equalTo(0));
        clock.advance(Duration.ofMinutes(2));
        deliverWebhooks().then().statusCode(200).body("delivered", equalTo(1));
        assertEquals(List.of("500 retry", "204 delivered"), summary(store.find(sessionId).orElseThrow().webhook()));
        assertEquals(List.of(500, 204, 204), answers());
    }

    private static boolean recordsTheSecondAttempt(SessionRecord updated) {
        return updated.webhook() != null && updated.webhook().roundAttempts() == 2;
    }

    /** What a failed try of the video copy writes: one more attempt, due again later. */
    private static SessionRecord videoCopyTried(SessionRecord stored) {
        Instant now = stored.updatedAt().plusMillis(1);
        VideoArchive archive = stored.videoArchive() == null ? VideoArchive.due(now) : stored.videoArchive();
        return stored.withVideoArchive(archive.retryAt(now, "upstream_timeout", now.plus(Duration.ofHours(1))), now);
    }

    private List<Integer> answers() {
        return receiver.received().stream().map(WebhookReceiver.Received::answer).toList();
    }

    /** A completed session whose first attempt failed (500), its second attempt due now. */
    private String dueForASecondAttempt() {
        receiver.failNext(1);
        String sessionId = Webhooks.completed(sandbox, "everyone", null);
        awaitDelivery(store, sessionId, attempts(1));
        clock.advance(Duration.ofSeconds(31));
        return sessionId;
    }

    private static <T> void write(CompletableFuture<T> result, java.util.function.Supplier<T> write) {
        try {
            result.complete(write.get());
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
    }

    static List<String> summary(WebhookDelivery delivery) {
        return delivery.attempts().stream().map(a -> a.statusCode() + " " + a.outcome()).toList();
    }
}
