package io.flowgate.lifecycle;

import static io.flowgate.testsupport.Sweeps.sweep;
import static io.flowgate.testsupport.Sweeps.sweepUntilNothingIsDue;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.flowgate.journey.Journeys;
import io.flowgate.logging.LogContext;
import io.flowgate.sandbox.Endpoint;
import io.flowgate.sandbox.Fault;
import io.flowgate.sandbox.Outcome;
import io.flowgate.sandbox.Sandbox;
import io.flowgate.store.SessionRecord;
import io.flowgate.store.SessionStatus;
import io.flowgate.store.SessionStore;
import io.flowgate.testsupport.LogCapture;
import io.flowgate.testsupport.MutableClock;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every session ends final whatever the vendor does: sessions the vendor keeps refusing, a session whose flow was
 * removed and a session its person abandoned, swept in batches of {@value SweepBatchProfile#BATCH}. Run on each
 * store by a subclass. Each test checks the end state of every session it made.
 */
abstract class SessionLifecycleFaults {

    /** The session's lifetime and grace in %test (the defaults), and a minute more. */
    static final Duration PAST_DEADLINE = Duration.ofMinutes(10 + 5 + 1);

    @Inject
    Sandbox sandbox;

    @Inject
    SessionStore store;

    @Inject
    MutableClock clock;

    /** Sessions left open by other tests are made final first, so that each sweep here sees only this test's. */
    @BeforeEach
    void nothingDueAndTimeStopped() {
        sandbox.reset();
        clock.reset();
        clock.advance(Duration.ofDays(1));
        sweepUntilNothingIsDue();
        clock.reset();
        clock.freeze();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void eachSessionsLinesInASweepCarryItsOwnIdAndFlowAndTheRunsReportNone() {
        String refused = create();
        create();
        sandbox.injectForSession(refused, Endpoint.RESULT, Fault.status(403));
        clock.advance(Duration.ofMinutes(3));

        try (LogCapture logs = LogCapture.install()) {
            assertReport(report(2, 0, 0, 1, 1), sweep());

            LogCapture.Line vendorRefused = only(logs, "upstream.call operation=GET_RESULT outcome=key_rejected");
            assertEquals(refused, vendorRefused.mdc().get(LogContext.SESSION_ID), vendorRefused.toString());
            assertEquals("everyone", vendorRefused.mdc().get(LogContext.FLOW), vendorRefused.toString());
            LogCapture.Line failed = only(logs, "sweep.session.failed sessionId=" + refused);
            assertEquals(refused, failed.mdc().get(LogContext.SESSION_ID), failed.toString());
            LogCapture.Line done = only(logs, "sweep.done");
            assertFalse(done.mdc().containsKey(LogContext.SESSION_ID), done.toString());
            assertFalse(done.mdc().containsKey(LogContext.FLOW), done.toString());
        }
    }

    private static LogCapture.Line only(LogCapture logs, String message) {
        List<LogCapture.Line> lines = logs.records().stream()
                .filter(line -> line.message() != null && line.message().startsWith(message)).toList();
        assertEquals(1, lines.size(), message + " in " + logs.text());
        return lines.get(0);
    }

    @Test
    void refusedSessionsNeitherHoldBackOthersNorStayOpenPastTheirDeadline() {
        String refusedFirst = create();
        clock.advance(Duration.ofSeconds(1));
        String refusedSecond = create();
        clock.advance(Duration.ofSeconds(1));
        String abandoned = create();
        sandbox.injectForSession(refusedFirst, Endpoint.RESULT, Fault.status(403));
        sandbox.injectForSession(refusedSecond, Endpoint.RESULT, Fault.status(401));
        clock.advance(Duration.ofMinutes(3));

        assertReport(report(2, 0, 0, 0, 2), sweep());
        assertReport(report(1, 0, 0, 1, 0), sweep());
        assertReport(report(0, 0, 0, 0, 0), sweep());

        clock.advance(PAST_DEADLINE);
        List<JsonPath> reports = sweepUntilNothingIsDue();

        assertEquals(3, reports.stream().mapToInt(report -> report.getInt("expired")).sum());
        assertFinal(refusedFirst, "EXPIRED", "vendor_refused");
        assertFinal(refusedSecond, "EXPIRED", "vendor_refused");
        assertFinal(abandoned, "EXPIRED", "abandoned");
    }

    @Test
    void aSessionRefusedBeforeItsDeadlineIsTriedAgainLaterAndLaterAndKeepsItsResults() {
        String sessionId = create();
        clock.advance(Duration.ofMinutes(3));
        sandbox.injectForSession(sessionId, Endpoint.RESULT, Fault.status(503));

        assertReport(report(1, 0, 0, 0, 1), sweep());
        SessionRecord postponed = store.find(sessionId).orElseThrow();
        assertEquals(1, postponed.collection().failures());
        assertEquals("vendor_unavailable", postponed.collection().lastError());
        assertEquals(millisNow().plus(Duration.ofMinutes(2)), postponed.collectDueAt());

        clock.advance(Duration.ofMinutes(2));
        assertReport(report(1, 0, 0, 0, 1), sweep());
        assertEquals(millisNow().plus(Duration.ofMinutes(4)), store.find(sessionId).orElseThrow().collectDueAt());

        sandbox.clearFaults();
        clock.advance(Duration.ofMinutes(4));
        assertReport(report(1, 0, 0, 1, 0), sweep());
        assertEquals(0, store.find(sessionId).orElseThrow().collection().failures());
    }

    @Test
    void aSessionWhoseFlowWasRemovedIsExpiredAsFlowRemovedAndDoesNotStopTheSweep() {
        Instant now = clock.instant();
        String orphanedFlow = "7a1c2e4f-0b3d-4c5e-8f9a-1b2c3d4e5f60";
        store.create(SessionRecord.created(orphanedFlow, "retired-flow", "tests", null, List.of("LD"), now,
                now.plus(Duration.ofMinutes(10)), null, "ru", now));
        clock.advance(Duration.ofSeconds(1));
        String abandoned = create();
        clock.advance(Duration.ofMinutes(3));

        assertReport(report(2, 0, 0, 1, 1), sweep());

        clock.advance(PAST_DEADLINE);
        sweepUntilNothingIsDue();

        assertFinal(orphanedFlow, "EXPIRED", "flow_removed");
        assertFinal(abandoned, "EXPIRED", "abandoned");
    }

    @Test
    void resultsReceivedBeforeTheVendorStartedRefusingAreKeptWhenTheSessionExpires() {
        String sessionId = create();
        sandbox.complete(sessionId, Map.of("LDHP", Outcome.PASS, "F2F", Outcome.SKIP));
        clock.advance(Duration.ofMinutes(3));
        assertEquals(1, sweep().getInt("pending"));
        sandbox.injectForSession(sessionId, Endpoint.RESULT, Fault.status(400, "Session is no longer valid."));

        clock.advance(PAST_DEADLINE);
        sweepUntilNothingIsDue();

        JsonPath result = assertFinal(sessionId, "EXPIRED", "vendor_refused");
        assertEquals(true, result.getBoolean("technologies.find { it.code == 'LDHP' }.resultReceived"));
        assertEquals("declined", result.getString("decision.outcome"));
    }

    @Test
    void aResultLargerThanTheStoreKeepsIsCutMarkedAndStillCompletesTheSession() {
        String sessionId = create();
        String photo = "A".repeat(500_000);
        sandbox.injectForSession(sessionId, Endpoint.RESULT, Fault.body("{\"id\": \"" + sessionId + "\", "
                + "\"technologies\": [], \"liveness_result\": {\"is_live\": true, \"photo\": \"" + photo + "\"}, "
                + "\"face2face_result\": {\"similarity\": 0.93}}"));

        Journeys.collectResult(sessionId).then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo(
                "COMPLETED"));

        JsonPath result = given().contentType(ContentType.JSON)
                .body("{\"sessionId\": \"" + sessionId + "\", \"includeRaw\": true}").post("/getResult").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(true, result.getBoolean("rawTruncated"));
        assertEquals("[cut by flowgate: 500000 bytes]", result.getString("raw.liveness_result.photo"));
        assertEquals(true, result.getBoolean("raw.liveness_result.is_live"));
        assertEquals(0.93f, result.getFloat("raw.face2face_result.similarity"));
        SessionRecord stored = store.find(sessionId).orElseThrow();
        assertEquals(true, stored.resultTruncated());
        assertEquals(true, stored.resultJson().length() < 300_000, "within flowgate.store.max-result-bytes");
    }

    private Instant millisNow() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private String create() {
        return Journeys.createSession("{\"flow\": \"everyone\"}").jsonPath().getString("sessionId");
    }
    private static Map<String, Integer> report(int examined, int completed, int expired, int pending, int failed) {
        Map<String, Integer> report = new LinkedHashMap<>();
        report.put("examined", examined);
        report.put("completed", completed);
        report.put("expired", expired);
        report.put("pending", pending);
        report.put("failed", failed);
        report.put("recovered", 0);
        report.put("leftOver", 0);
        return report;
    }

    private static void assertReport(Map<String, Integer> expected, JsonPath report) {
        assertEquals(expected, report.getMap(""));
    }

    private JsonPath assertFinal(String sessionId, String status, String reason) {
        JsonPath result = Journeys.getResult("{\"sessionId\": \"" + sessionId + "\"}").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(status, result.getString("status"), sessionId);
        assertEquals(reason, result.getString("statusReason"), sessionId);
        SessionRecord stored = store.find(sessionId).orElseThrow();
        assertEquals(SessionStatus.valueOf(status), stored.status());
        assertNull(stored.collectDueAt(), "a final session is never due again");
        return result;
    }
}
