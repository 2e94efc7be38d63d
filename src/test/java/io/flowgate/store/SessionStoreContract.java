package io.flowgate.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SessionStore} does, whatever keeps the sessions: {@link InMemorySessionStoreTest} and
 * {@link DynamoDbSessionStoreTest} run it against each adapter.
 */
abstract class SessionStoreContract {

    static final Instant T0 = Instant.parse("2026-03-02T09:15:30.123Z");

    /** The store under test. */
    protected abstract SessionStore store();

    /** Leaves the store without any session. */
    protected abstract void removeAllSessions();

    @BeforeEach
    void startEmpty() {
        removeAllSessions();
    }

    @Test
    void findsACreatedSessionById() {
        SessionRecord session = created("s-1", "order-1", T0);

        store().create(session);

        assertEquals(Optional.of(session), store().find("s-1"));
    }

    @Test
    void refusesASecondSessionWithTheSameIdAndKeepsTheFirst() {
        SessionRecord first = created("s-1", "order-1", T0);
        store().create(first);

        assertThrows(SessionAlreadyExistsException.class,
                () -> store().create(created("s-1", "order-2", T0.plusSeconds(5))));

        assertEquals(Optional.of(first), store().find("s-1"));
    }

    @Test
    void findsNoSessionForAnUnknownId() {
        store().create(created("s-1", "order-1", T0));

        assertEquals(Optional.empty(), store().find("s-unknown"));
    }

    @Test
    void findsTheMostRecentlyCreatedSessionWithAReference() {
        store().create(created("s-old", "order-1", T0));
        SessionRecord newest = created("s-new", "order-1", T0.plusSeconds(120));
        store().create(newest);
        store().create(created("s-mid", "order-1", T0.plusSeconds(60)));
        store().create(created("s-other", "order-2", T0.plusSeconds(600)));

        assertEquals(Optional.of(newest), store().findByReference("shop-backend", "order-1"));
    }

    @Test
    void findsAReferenceOnlyAmongTheSessionsOfTheCallerThatCreatedThem() {
        SessionRecord mine = created("s-mine", "order-1", T0);
        SessionRecord theirs = createdBy("other-shop", "s-theirs", "order-1", T0.plusSeconds(60));
        store().create(mine);
        store().create(theirs);
        store().create(new SessionRecord("s-before-callers", "individuals", "order-1", List.of("LD"),
                T0.plusSeconds(120), T0.plusSeconds(720), SessionStatus.CREATED, null, "ru", T0.plusSeconds(120), null,
                null, null, List.of(), 1));

        assertEquals(Optional.of(mine), store().findByReference("shop-backend", "order-1"));
        assertEquals(Optional.of(theirs), store().findByReference("other-shop", "order-1"));
        assertEquals(Optional.empty(), store().findByReference("third-shop", "order-1"));
    }

    @Test
    void findsNoSessionForAnUnknownReference() {
        store().create(created("s-1", "order-1", T0));

        assertEquals(Optional.empty(), store().findByReference("shop-backend", "order-unknown"));
    }

    @Test
    void neverMatchesSessionsWithoutAReference() {
        SessionRecord referenced = created("s-1", "order-1", T0);
        store().create(referenced);
        store().create(created("s-2", null, T0.plusSeconds(60)));

        assertEquals(Optional.of(referenced), store().findByReference("shop-backend", "order-1"));
        assertEquals(Optional.empty(), store().findByReference("shop-backend", "order-2"));
    }

    @Test
    void updatesASessionAtTheVersionItWasReadAtAndBumpsTheVersion() {
        SessionRecord session = created("s-1", "order-1", T0);
        store().create(session);

        SessionRecord pending = pending(session, "{\"technologies\":[]}");
        store().update(pending);

        assertEquals(Optional.of(pending), store().find("s-1"));
        assertEquals(2, store().find("s-1").orElseThrow().version());
    }

    @Test
    void refusesAnUpdateFromAStaleVersionAndKeepsTheStoredSession() {
        SessionRecord session = created("s-1", "order-1", T0);
        store().create(session);
        SessionRecord firstWriter = pending(session, "{\"writer\":1}");
        store().update(firstWriter);

        assertThrows(ConcurrentUpdateException.class, () -> store().update(pending(session, "{\"writer\":2}")));
        assertThrows(ConcurrentUpdateException.class,
                () -> store().update(pending(pending(firstWriter, "{}"), "{\"skips\":\"a version\"}")));

        assertEquals(Optional.of(firstWriter), store().find("s-1"));
    }

    @Test
    void refusesAnUpdateOfASessionThatIsNotStored() {
        SessionRecord neverCreated = created("s-missing", "order-1", T0);

        assertThrows(ConcurrentUpdateException.class, () -> store().update(pending(neverCreated, "{}")));

        assertEquals(Optional.empty(), store().find("s-missing"));
    }

    @Test
    void letsExactlyOneOfTwoConcurrentUpdatesFromTheSameVersionWin() throws Exception {
        store().create(created("s-1", "order-1", T0));
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                SessionRecord read = store().find("s-1").orElseThrow();
                SessionRecord first = pending(read, "{\"round\":" + round + ",\"writer\":1}");
                SessionRecord second = pending(read, "{\"round\":" + round + ",\"writer\":2}");
                CyclicBarrier together = new CyclicBarrier(2);

                Future<Boolean> firstWon = writers.submit(() -> tryUpdate(together, first));
                Future<Boolean> secondWon = writers.submit(() -> tryUpdate(together, second));

                boolean firstWins = firstWon.get(30, TimeUnit.SECONDS);
                boolean secondWins = secondWon.get(30, TimeUnit.SECONDS);
                assertTrue(firstWins ^ secondWins, "round " + round + ": exactly one writer must win");
                assertEquals(Optional.of(firstWins ? first : second), store().find("s-1"), "round " + round);
            }
        } finally {
            writers.shutdownNow();
        }
    }

    @Test
    void listsOnlyUnfinishedSessionsDueByTheInstantEarliestDueFirst() {
        SessionRecord oldest = created("s-created", "order-1", T0);
        SessionRecord pending = pending(created("s-pending", "order-2", T0.plusSeconds(10)), "{}");
        store().create(pending);
        store().create(oldest);
        store().create(finished(created("s-completed", null, T0.plusSeconds(20)), SessionStatus.COMPLETED));
        store().create(finished(created("s-expired", null, T0.plusSeconds(30)), SessionStatus.EXPIRED));
        SessionRecord atTheInstant = created("s-at-the-instant", null, T0.plusSeconds(40));
        store().create(atTheInstant);
        store().create(created("s-after", null, T0.plusSeconds(50)));

        assertEquals(List.of(oldest, pending, atTheInstant), store().findDueCollections(T0.plusSeconds(40), 10));
    }

    @Test
    void listsAPostponedSessionOnlyOnceItIsDueAgainAndAfterThoseDueEarlier() {
        SessionRecord failing = created("s-failing", null, T0);
        SessionRecord newer = created("s-newer", null, T0.plusSeconds(5));
        store().create(failing);
        store().create(newer);
        SessionRecord postponed = failing.withCollection(
                failing.collection().failed("vendor_refused", T0.plusSeconds(60)));
        store().update(postponed);

        assertEquals(List.of(newer), store().findDueCollections(T0.plusSeconds(59), 10));
        assertEquals(List.of(newer, postponed), store().findDueCollections(T0.plusSeconds(60), 10));
        assertEquals(List.of(newer), store().findDueCollections(T0.plusSeconds(60), 1));
    }

    @Test
    void listsNoMoreDueSessionsThanTheLimit() {
        for (int i = 5; i >= 1; i--) {
            store().create(created("s-" + i, null, T0.plusSeconds(i)));
        }

        List<SessionRecord> due = store().findDueCollections(T0.plusSeconds(3600), 3);

        assertEquals(List.of("s-1", "s-2", "s-3"), due.stream().map(SessionRecord::sessionId).toList());
    }

    @Test
    void dropsASessionFromTheDueListOnceItIsCompletedOrExpired() {
        SessionRecord toComplete = created("s-1", null, T0);
        SessionRecord toExpire = created("s-2", null, T0.plusSeconds(1));
        SessionRecord staysPending = created("s-3", null, T0.plusSeconds(2));
        store().create(toComplete);
        store().create(toExpire);
        store().create(staysPending);

        store().update(finished(toComplete, SessionStatus.COMPLETED));
        store().update(finished(toExpire, SessionStatus.EXPIRED));
        SessionRecord pending = pending(staysPending, "{}");
        store().update(pending);

        assertEquals(List.of(pending), store().findDueCollections(T0.plusSeconds(3600), 10));
    }

    @Test
    void listsVideoCopiesByWhenTheyAreDueAndNeverThoseFailedOrArchived() {
        SessionRecord older = created("s-1", null, T0);
        SessionRecord newer = created("s-2", null, T0.plusSeconds(1));
        SessionRecord archived = created("s-3", null, T0.plusSeconds(2));
        SessionRecord open = created("s-4", null, T0.plusSeconds(3));
        SessionRecord givenUp = created("s-5", null, T0.plusSeconds(4));
        for (SessionRecord session : List.of(older, newer, archived, open, givenUp)) {
            store().create(session);
        }
        SessionRecord newerDue = videoDue(newer);
        SessionRecord olderDue = videoDue(older);
        store().update(newerDue);
        store().update(olderDue);
        SessionRecord archivedDue = videoDue(archived);
        store().update(archivedDue);
        store().update(archivedDue.withVideoArchive(
                archivedDue.videoArchive().attempted(VideoArchive.Status.ARCHIVED, T0.plusSeconds(60), null),
                T0.plusSeconds(60)));
        SessionRecord givenUpDue = videoDue(givenUp);
        store().update(givenUpDue);
        store().update(givenUpDue.withVideoArchive(
                givenUpDue.videoArchive().attempted(VideoArchive.Status.FAILED, T0.plusSeconds(60), "upstream_timeout"),
                T0.plusSeconds(60)));

        assertEquals(List.of(olderDue, newerDue), store().findDueVideoCopies(T0.plusSeconds(3600), 10));
        assertEquals(List.of(olderDue), store().findDueVideoCopies(T0.plusSeconds(3600), 1));
        assertEquals(List.of(open), store().findDueCollections(T0.plusSeconds(3600), 10));

        SessionRecord olderRetried = olderDue.withVideoArchive(
                olderDue.videoArchive().retryAt(T0.plusSeconds(70), "upstream_timeout", T0.plusSeconds(600)),
                T0.plusSeconds(70));
        store().update(olderRetried);

        assertEquals(List.of(newerDue), store().findDueVideoCopies(T0.plusSeconds(599), 10));
        assertEquals(List.of(newerDue, olderRetried), store().findDueVideoCopies(T0.plusSeconds(600), 10));
    }

    @Test
    void listsTheWholeLimitOfDueSessionsEvenWhenTheirResultsAreLarge() {
        for (int i = 1; i <= 5; i++) {
            store().create(pending(created("s-" + i, null, T0.plusSeconds(i)), largeResult(300_000)));
        }

        List<SessionRecord> due = store().findDueCollections(T0.plusSeconds(3600), 5);

        assertEquals(List.of("s-1", "s-2", "s-3", "s-4", "s-5"), due.stream().map(SessionRecord::sessionId).toList());
    }

    @Test
    void keepsEveryFieldExactly() {
        SessionRecord session = new SessionRecord("s-1", "individuals", "shop-backend", "order-1",
                List.of("LD", "ED", "F2F"), List.of(List.of("ED", "DR"), List.of("LD", "LDHP")), T0,
                T0.plus(Duration.ofMinutes(10)), SessionStatus.EXPIRED, "vendor_refused",
                "https://shop.example.com/kyc/done?o=1", "en", T0.plusSeconds(300), T0.plusSeconds(299),
                "{\"technologies\":[{\"code\":\"LD\"}]}", true, "declined", List.of("liveness_failed", "face_mismatch"),
                7, null, null,
                new VideoArchive(VideoArchive.Status.DUE, 2, T0.plusSeconds(301), "upstream_timeout",
                        T0.plusSeconds(420)));

        store().create(session);

        assertEquals(Optional.of(session), store().find("s-1"));
    }

    @Test
    void keepsTheGroupsOfInterchangeableTechnologiesThroughEveryChangeAndLookUp() {
        SessionRecord session = SessionRecord.created("s-1", "individuals", "shop-backend", "order-1",
                List.of("LD", "ED", "F2F"), List.of(List.of("ED", "DR")), T0, T0.plus(Duration.ofMinutes(10)), null,
                "ru", T0);
        store().create(session);
        SessionRecord pending = pending(session, "{\"document_recognition_result\":{}}");
        SessionRecord completed = finished(pending, SessionStatus.COMPLETED);
        store().update(pending);
        store().update(completed);

        assertEquals(List.of(List.of("ED", "DR")), store().find("s-1").orElseThrow().interchangeableTech());
        assertEquals(Optional.of(completed), store().findByReference("shop-backend", "order-1"));
    }

    @Test
    void keepsTheCollectionScheduleOfAnOpenSessionExactly() {
        SessionRecord session = created("s-1", "order-1", T0);
        store().create(session);
        SessionRecord postponed = session.withCollection(session.collection().failed("flow_removed", T0.plusSeconds(90)));

        store().update(postponed);

        assertEquals(Optional.of(postponed), store().find("s-1"));
        assertEquals(new CollectionSchedule(T0.plusSeconds(90), 1, "flow_removed"), store().find("s-1").get().collection());
    }

    @Test
    void keepsNullFieldsAndEmptyListsAsTheyAre() {
        SessionRecord session = new SessionRecord("s-1", "everyone", null, null, List.of(), List.of(), T0, T0.plusSeconds(600),
                SessionStatus.CREATED, null, null, "ru", T0, null, null, false, null, List.of(), 1, null, null, null);

        store().create(session);

        assertEquals(Optional.of(session), store().find("s-1"));
    }

    @Test
    void keepsUnicodeInTheResultExactly() {
        SessionRecord session = created("s-1", "order-1", T0);
        store().create(session);
        SessionRecord withResult = pending(session,
                "{\"name\":\"Әлия Сәрсенбайқызы\",\"city\":\"Алматы\",\"note\":\"naïve café — ok ✓ 👍\","
                        + "\"escaped\":\"\\u0000\\n\\\"\"}");

        store().update(withResult);

        assertEquals(Optional.of(withResult), store().find("s-1"));
    }

    @Test
    void keepsAResultOfThreeHundredKilobytes() {
        SessionRecord session = created("s-1", "order-1", T0);
        store().create(session);
        SessionRecord withResult = pending(session, largeResult(300_000));

        store().update(withResult);

        assertEquals(Optional.of(withResult), store().find("s-1"));
        assertEquals(withResult.resultJson().length(), store().find("s-1").orElseThrow().resultJson().length());
    }

    @Test
    void keepsAWebhookDeliveryExactly() {
        SessionRecord session = finished(created("s-1", "order-1", T0), SessionStatus.COMPLETED);
        WebhookDelivery delivery = new WebhookDelivery("evt_1", "session.completed", WebhookDelivery.State.PENDING,
                T0.plusSeconds(90), T0.plusSeconds(1), 2, List.of(
                        new WebhookDelivery.Attempt(T0.plusSeconds(1), 500, null, "retry"),
                        new WebhookDelivery.Attempt(T0.plusSeconds(31), null, "timeout", "retry")));
        store().create(session.withWebhook(delivery));

        assertEquals(Optional.of(session.withWebhook(delivery)), store().find("s-1"));
        assertEquals(delivery, store().find("s-1").orElseThrow().webhook());
    }

    @Test
    void keepsAReviewedAndRedactedSessionWithItsQueuedEventExactly() {
        SessionRecord failed = withWebhook("s-1", T0.plusSeconds(40), WebhookDelivery.State.FAILED);
        store().create(failed);
        SessionRecord reviewed = failed.reviewed(new SessionReview("approved", "back-office", T0.plusSeconds(60),
                "checked twice"), T0.plusSeconds(60));
        reviewed = reviewed.withWebhook(reviewed.webhook().queue("session.reviewed"));
        store().update(reviewed);
        assertEquals(Optional.of(reviewed), store().find("s-1"));

        SessionRecord tombstone = reviewed.redactedAt(T0.plusSeconds(90));
        tombstone = tombstone.withWebhook(tombstone.webhook().queue("session.redacted"));
        store().update(tombstone);

        SessionRecord read = store().find("s-1").orElseThrow();
        assertEquals(tombstone, read);
        assertEquals(new SessionReview("approved", "back-office", T0.plusSeconds(60), null), read.review());
        assertEquals(T0.plusSeconds(90), read.redactedAt());
        assertEquals(null, read.resultJson());
        assertEquals(List.of("session.reviewed", "session.redacted"), read.webhook().queued());
        assertEquals(List.of("s-1"), ids(store().findFailedWebhooks(java.util.Set.of("individuals"), null, 10)),
                "a failed event with others queued behind it is still listed");
    }

    @Test
    void listsPendingWebhooksDueByTheInstantEarliestFirst() {
        store().create(withWebhook("s-later", T0.plusSeconds(20), WebhookDelivery.State.PENDING));
        store().create(withWebhook("s-first", T0.plusSeconds(5), WebhookDelivery.State.PENDING));
        store().create(withWebhook("s-at-the-instant", T0.plusSeconds(30), WebhookDelivery.State.PENDING));
        store().create(withWebhook("s-not-yet", T0.plusSeconds(31), WebhookDelivery.State.PENDING));
        store().create(withWebhook("s-delivered", T0.plusSeconds(1), WebhookDelivery.State.DELIVERED));
        store().create(withWebhook("s-failed", T0.plusSeconds(1), WebhookDelivery.State.FAILED));
        store().create(finished(created("s-no-webhook", null, T0), SessionStatus.COMPLETED));

        assertEquals(List.of("s-first", "s-later", "s-at-the-instant"), ids(store().findDueWebhooks(T0.plusSeconds(30), 10)));
        assertEquals(List.of("s-first"), ids(store().findDueWebhooks(T0.plusSeconds(30), 1)));
    }

    @Test
    void dropsAWebhookFromTheDueListOnceItIsDeliveredOrClaimedForLater() {
        SessionRecord delivered = withWebhook("s-1", T0, WebhookDelivery.State.PENDING);
        SessionRecord claimed = withWebhook("s-2", T0, WebhookDelivery.State.PENDING);
        store().create(delivered);
        store().create(claimed);

        store().update(delivered.nextWebhook(delivered.webhook().after(
                new WebhookDelivery.Attempt(T0, 204, null, "delivered"), WebhookDelivery.State.DELIVERED, null)));
        store().update(claimed.nextWebhook(claimed.webhook().dueAt(T0.plusSeconds(70))));

        assertEquals(List.of(), store().findDueWebhooks(T0.plusSeconds(69), 10));
        assertEquals(List.of("s-2"), ids(store().findDueWebhooks(T0.plusSeconds(70), 10)));
    }

    @Test
    void listsFailedWebhooksOfTheGivenFlowsLatestFailureFirst() {
        store().create(withWebhook("s-old", T0.plusSeconds(10), WebhookDelivery.State.FAILED));
        store().create(withWebhook("s-new", T0.plusSeconds(50), WebhookDelivery.State.FAILED));
        store().create(withWebhook("s-mid", T0.plusSeconds(30), WebhookDelivery.State.FAILED));
        store().create(withWebhook("s-pending", T0.plusSeconds(40), WebhookDelivery.State.PENDING));
        SessionRecord otherFlow = withWebhook("s-other-flow", T0.plusSeconds(60), WebhookDelivery.State.FAILED);
        store().create(new SessionRecord(otherFlow.sessionId(), "everyone", null, null, List.of(), List.of(),
                otherFlow.createdAt(), otherFlow.expiresAt(), otherFlow.status(), null, null, "ru",
                otherFlow.updatedAt(), otherFlow.completedAt(), null, false, "review", List.of(), otherFlow.version(), null,
                otherFlow.webhook(), null));

        assertEquals(List.of("s-new", "s-mid", "s-old"),
                ids(store().findFailedWebhooks(Set.of("individuals"), null, 10)));
        assertEquals(List.of("s-other-flow", "s-new"),
                ids(store().findFailedWebhooks(Set.of("individuals", "everyone"), null, 2)));
        assertEquals(List.of(), store().findFailedWebhooks(Set.of("legal-entities"), null, 10));
        assertEquals(List.of(), store().findFailedWebhooks(Set.of(), null, 10));
    }

    @Test
    void pagesThroughTheFailuresOfSeveralFlowsCompletelyWithoutDuplicatesTiesIncluded() {
        List<String> expected = new java.util.ArrayList<>();
        // 3 flows, interleaved in time; 4 sessions of different flows fail in the same millisecond.
        for (int i = 0; i < 15; i++) {
            Instant at = i < 4 ? T0.plusSeconds(100) : T0.plusSeconds(100 - i);
            String flow = List.of("individuals", "everyone", "legal-entities").get(i % 3);
            String sessionId = "s-" + (char) ('a' + (i < 4 ? 3 - i : i));
            store().create(failedIn(flow, sessionId, at));
            expected.add(sessionId);
        }
        store().create(failedIn("other", "s-z", T0.plusSeconds(50)));
        Set<String> flows = Set.of("individuals", "everyone", "legal-entities");

        List<String> listed = new java.util.ArrayList<>();
        FailedWebhookPosition after = null;
        for (int page = 0; page < 10; page++) {
            List<SessionRecord> found = store().findFailedWebhooks(flows, after, 2);
            assertTrue(found.size() <= 2);
            listed.addAll(ids(found));
            if (found.size() < 2) {
                break;
            }
            after = FailedWebhookPosition.of(found.get(found.size() - 1));
        }

        assertEquals(List.of("s-d", "s-c", "s-b", "s-a"), expected.subList(0, 4));
        assertEquals(expected, listed);
        assertEquals(List.of("s-b", "s-a", "s-e"), ids(store().findFailedWebhooks(flows,
                new FailedWebhookPosition(T0.plusSeconds(100), "s-c"), 3)));
    }

    @Test
    void keepsTheMetadataThroughEveryChangeAndLookUp() {
        Map<String, String> metadata = Map.of("orderId", "A-1001", "channel", "web", "campaign.id", "");
        SessionRecord session = SessionRecord.created("s-1", "individuals", "shop-backend", "order-1",
                List.of("LD"), List.of(), T0, T0.plus(Duration.ofMinutes(10)), null, "ru", T0, metadata);
        store().create(session);
        SessionRecord completed = finished(pending(session, "{}"), SessionStatus.COMPLETED);
        store().update(pending(session, "{}"));
        store().update(completed);

        assertEquals(metadata, store().find("s-1").orElseThrow().metadata());
        assertEquals(List.of("campaign.id", "channel", "orderId"),
                List.copyOf(store().find("s-1").orElseThrow().metadata().keySet()));
        assertEquals(Optional.of(completed), store().findByReference("shop-backend", "order-1"));
        assertEquals(List.of(completed), store().listSessions(listing("shop-backend", Set.of("individuals")), 5));
    }

    @Test
    void listsOnlyTheCallersOwnSessionsOfTheGivenFlowsNewestFirst() {
        store().create(in("individuals", "shop-backend", "s-a", "order-1", T0));
        store().create(in("everyone", "shop-backend", "s-b", "order-2", T0.plusSeconds(10)));
        store().create(in("individuals", "shop-backend", "s-c", null, T0.plusSeconds(20)));
        store().create(in("individuals", "other-shop", "s-theirs", "order-1", T0.plusSeconds(30)));
        store().create(in("legal-entities", "shop-backend", "s-other-flow", null, T0.plusSeconds(40)));
        store().create(new SessionRecord("s-no-caller", "individuals", "order-1", List.of(), T0.plusSeconds(50),
                T0.plusSeconds(600), SessionStatus.CREATED, null, "ru", T0.plusSeconds(50), null, null, null, List.of(),
                1));

        SessionListing mine = listing("shop-backend", Set.of("individuals", "everyone"));
        assertEquals(List.of("s-c", "s-b", "s-a"), ids(store().listSessions(mine, 10)));
        assertEquals(List.of("s-c", "s-b"), ids(store().listSessions(mine, 2)));
        assertEquals(List.of("s-theirs"), ids(store().listSessions(listing("other-shop", Set.of("individuals")), 10)));
        assertEquals(List.of(), store().listSessions(listing("nobody", Set.of("individuals", "everyone")), 10));
        assertEquals(List.of(), store().listSessions(listing("shop-backend", Set.of()), 10));
    }

    @Test
    void filtersByStatusReferenceAndCreationTimeWithTheLowerBoundIncludedAndTheUpperNot() {
        store().create(in("individuals", "shop-backend", "s-a", "order-1", T0));
        store().create(finished(in("everyone", "shop-backend", "s-b", "order-1", T0.plusSeconds(10)),
                SessionStatus.COMPLETED));
        store().create(finished(in("individuals", "shop-backend", "s-c", "order-2", T0.plusSeconds(20)),
                SessionStatus.EXPIRED));
        store().create(finished(in("individuals", "other-shop", "s-theirs", "order-1", T0.plusSeconds(15)),
                SessionStatus.COMPLETED));
        Set<String> flows = Set.of("individuals", "everyone");

        assertEquals(List.of("s-b"), ids(store().listSessions(new SessionListing("shop-backend", flows,
                SessionStatus.COMPLETED, null, null, null, null), 10)));
        assertEquals(List.of("s-b", "s-a"), ids(store().listSessions(new SessionListing("shop-backend", flows, null,
                "order-1", null, null, null), 10)));
        assertEquals(List.of("s-a"), ids(store().listSessions(new SessionListing("shop-backend", Set.of("individuals"),
                null, "order-1", null, null, null), 10)));
        assertEquals(List.of("s-b"), ids(store().listSessions(new SessionListing("shop-backend", flows, null, null,
                T0.plusSeconds(10), T0.plusSeconds(20), null), 10)));
        assertEquals(List.of("s-c", "s-b"), ids(store().listSessions(new SessionListing("shop-backend", flows, null,
                null, T0.plusSeconds(10), null, null), 10)));
        assertEquals(List.of("s-a"), ids(store().listSessions(new SessionListing("shop-backend", flows, null, null,
                null, T0.plusMillis(1), null), 10)));
        assertEquals(List.of(), ids(store().listSessions(new SessionListing("shop-backend", flows,
                SessionStatus.PENDING, null, null, null, null), 10)));
    }

    @Test
    void pagesThroughACallersSessionsOfSeveralFlowsWithEachFilterCompletelyWithoutDuplicatesTiesIncluded() {
        List<SessionRecord> all = new java.util.ArrayList<>();
        // 3 flows interleaved in time; 4 sessions of different flows created in the same millisecond.
        for (int i = 0; i < 18; i++) {
            Instant at = i < 4 ? T0.plusSeconds(100) : T0.plusSeconds(100 - i);
            String flow = List.of("individuals", "everyone", "legal-entities").get(i % 3);
            String sessionId = "s-" + (char) ('a' + (i < 4 ? 3 - i : i));
            SessionRecord session = in(flow, "shop-backend", sessionId, i % 2 == 0 ? "order-even" : "order-odd", at);
            session = i % 3 == 1 ? finished(session, SessionStatus.COMPLETED) : session;
            store().create(session);
            all.add(session);
            store().create(in(flow, "other-shop", "s-theirs-" + i, "order-even", at));
        }
        Set<String> flows = Set.of("individuals", "everyone", "legal-entities");
        List<SessionListing> filters = List.of(
                new SessionListing("shop-backend", flows, null, null, null, null, null),
                new SessionListing("shop-backend", flows, SessionStatus.CREATED, null, null, null, null),
                new SessionListing("shop-backend", flows, null, "order-even", null, null, null),
                new SessionListing("shop-backend", flows, null, null, T0.plusSeconds(90), T0.plusSeconds(100), null),
                new SessionListing("shop-backend", Set.of("everyone"), SessionStatus.COMPLETED, null, null, null, null));

        for (SessionListing filter : filters) {
            List<String> expected = all.stream().filter(filter::matches)
                    .sorted(java.util.Comparator.comparing(SessionPosition::of, SessionPosition.LISTING_ORDER))
                    .map(SessionRecord::sessionId).toList();
            List<String> listed = new java.util.ArrayList<>();
            SessionPosition after = null;
            for (int page = 0; page < 20; page++) {
                List<SessionRecord> found = store().listSessions(new SessionListing(filter.caller(), filter.flows(),
                        filter.status(), filter.reference(), filter.createdFrom(), filter.createdBefore(), after), 2);
                assertTrue(found.size() <= 2);
                listed.addAll(ids(found));
                if (found.size() < 2) {
                    break;
                }
                after = SessionPosition.of(found.get(found.size() - 1));
            }
            assertTrue(expected.size() > 2, filter + " spans more than one page");
            assertEquals(expected, listed, filter.toString());
        }
        assertEquals(List.of("s-d", "s-c", "s-b", "s-a", "s-e"), ids(store().listSessions(filters.get(0), 5)));
    }

    static SessionListing listing(String caller, Set<String> flows) {
        return new SessionListing(caller, flows, null, null, null, null, null);
    }

    /** A session of {@code flow} that {@code caller} created at {@code createdAt}. */
    static SessionRecord in(String flow, String caller, String sessionId, String reference, Instant createdAt) {
        return SessionRecord.created(sessionId, flow, caller, reference, List.of("LD"), List.of(), createdAt,
                createdAt.plus(Duration.ofMinutes(10)), null, "ru", createdAt, Map.of("n", sessionId));
    }

    /** A completed session of {@code flow} whose delivery FAILED at {@code at}. */
    static SessionRecord failedIn(String flow, String sessionId, Instant at) {
        SessionRecord s = withWebhook(sessionId, at, WebhookDelivery.State.FAILED);
        return new SessionRecord(s.sessionId(), flow, s.caller(), s.reference(), s.technologies(),
                s.interchangeableTech(), s.createdAt(), s.expiresAt(), s.status(), s.statusReason(), s.returnUrl(),
                s.locale(), s.updatedAt(), s.completedAt(), s.resultJson(), s.resultTruncated(), s.decision(),
                s.decisionReasons(), s.version(), s.collection(), s.webhook(), s.videoArchive());
    }

    /** A completed session whose delivery is in {@code state}: due at {@code at}, or last attempted at it. */
    static SessionRecord withWebhook(String sessionId, Instant at, WebhookDelivery.State state) {
        SessionRecord session = finished(created(sessionId, null, T0), SessionStatus.COMPLETED);
        WebhookDelivery pending = WebhookDelivery.pending("evt_" + sessionId, "session.completed", T0, List.of());
        WebhookDelivery delivery = state == WebhookDelivery.State.PENDING ? pending.dueAt(at)
                : pending.after(new WebhookDelivery.Attempt(at, 500, null,
                        state == WebhookDelivery.State.FAILED ? "failed" : "delivered"), state, null);
        return session.withWebhook(delivery);
    }

    private static List<String> ids(List<SessionRecord> sessions) {
        return sessions.stream().map(SessionRecord::sessionId).toList();
    }

    /** A session the caller {@code shop-backend} created at {@code createdAt}, due for collection from then on. */
    static SessionRecord created(String sessionId, String reference, Instant createdAt) {
        return createdBy("shop-backend", sessionId, reference, createdAt);
    }

    static SessionRecord createdBy(String caller, String sessionId, String reference, Instant createdAt) {
        return SessionRecord.created(sessionId, "individuals", caller, reference, List.of("LD", "ED", "F2F"),
                createdAt, createdAt.plus(Duration.ofMinutes(10)), "https://shop.example.com/kyc/done", "ru",
                createdAt);
    }

    /** The session with some results in, due for collection when it was before. */
    static SessionRecord pending(SessionRecord session, String resultJson) {
        return session.next(SessionStatus.PENDING, null, session.updatedAt().plusSeconds(1), null, resultJson, null,
                List.of(), session.collectDueAt());
    }

    static SessionRecord finished(SessionRecord session, SessionStatus status) {
        Instant now = session.updatedAt().plusSeconds(1);
        return session.next(status, status == SessionStatus.EXPIRED ? "abandoned" : null, now, now,
                "{\"done\":true}", "approved", List.of("all_passed"), null);
    }

    /** The session completed, with its video's copy due from its completion. */
    static SessionRecord videoDue(SessionRecord session) {
        SessionRecord completed = finished(session, SessionStatus.COMPLETED);
        return completed.withVideoArchiveDue(completed.completedAt());
    }

    /** A JSON result of about {@code size} characters (ASCII, so as many bytes). */
    static String largeResult(int size) {
        StringBuilder json = new StringBuilder("{\"technologies\":[");
        for (int i = 0; json.length() < size - 40; i++) {
            json.append(i == 0 ? "" : ",").append("{\"code\":\"LD\",\"frame\":").append(i).append('}');
        }
        return json.append("]}").toString();
    }

    private boolean tryUpdate(CyclicBarrier together, SessionRecord updated) throws Exception {
        together.await(30, TimeUnit.SECONDS);
        try {
            store().update(updated);
            return true;
        } catch (ConcurrentUpdateException lost) {
            return false;
        }
    }
}
