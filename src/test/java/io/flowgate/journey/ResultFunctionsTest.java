package io.flowgate.journey;

import static io.flowgate.journey.Journeys.collectResult;
import static io.flowgate.journey.Journeys.createSession;
import static io.flowgate.journey.Journeys.getResult;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flowgate.flow.result.ResultCollection;
import io.flowgate.sandbox.Endpoint;
import io.flowgate.sandbox.Fault;
import io.flowgate.sandbox.Outcome;
import io.flowgate.sandbox.Sandbox;
import io.flowgate.store.InMemorySessionStore;
import io.flowgate.store.SessionStatus;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** getResult and collectResult: their refusals, and what concurrency and vendor faults leave behind. */
@QuarkusTest
class ResultFunctionsTest {

    @Inject
    Sandbox sandbox;

    @Inject
    InMemorySessionStore store;

    @Inject
    ResultCollection collection;

    @Inject
    java.time.Clock clock;

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "{} | 400 | missing_field",
            "{\"sessionId\":\"00000000-0000-4000-8000-000000000000\",\"reference\":\"r1\"} | 400 | missing_field",
            "{\"sessionId\":\"../../etc/passwd\"} | 400 | invalid_session_id",
            "{\"reference\":\"a b\"} | 400 | invalid_reference",
            "{\"sessionId\":\"00000000-0000-4000-8000-000000000000\"} | 404 | session_not_found",
            "{\"reference\":\"never-used\"} | 404 | session_not_found",
            "{\"sessionId\":\"00000000-0000-4000-8000-000000000000\",\"includeRaw\":\"yes\"} | 400 | invalid_field_type"})
    void getResultRefuses(String body, int status, String code) {
        getResult(body).then().statusCode(status).contentType("application/problem+json").body("code", equalTo(code));
    }

    @Test
    void collectResultRefusesASessionWhoseFlowWasRemovedFromTheConfiguration() {
        String sessionId = "0f6d2a4e-7b1c-4d8e-9a3f-5c2b1e0d9a87";
        storeOfRemovedFlow(sessionId, clock.instant());

        collectResult(sessionId).then()
                .statusCode(409)
                .body("code", equalTo("flow_not_configured"));
        assertEquals(0, sandbox.recordedRequests().size());
        assertEquals(SessionStatus.CREATED, store.find(sessionId).orElseThrow().status());
        assertEquals("flow_removed", store.find(sessionId).orElseThrow().collection().lastError());
    }

    @Test
    void collectResultMakesASessionOfARemovedFlowFinalPastItsDeadline() {
        String sessionId = "0f6d2a4e-7b1c-4d8e-9a3f-5c2b1e0d9a88";
        storeOfRemovedFlow(sessionId, clock.instant().minus(java.time.Duration.ofMinutes(16)));

        collectResult(sessionId).then()
                .statusCode(200)
                .body("status", equalTo("EXPIRED"))
                .body("statusReason", equalTo("flow_removed"))
                .body("decision.outcome", equalTo("declined"));
        assertEquals(0, sandbox.recordedRequests().size());
    }

    private void storeOfRemovedFlow(String sessionId, java.time.Instant createdAt) {
        store.create(io.flowgate.store.SessionRecord.created(sessionId, "retired-flow", "tests", null,
                java.util.List.of("LD"), createdAt, createdAt.plusSeconds(600), null, "ru", createdAt));
    }

    @Test
    void collectResultRefusesAnUnknownSession() {
        collectResult("00000000-0000-4000-8000-000000000000").then().statusCode(404)
                .body("code", equalTo("session_not_found"));
        assertEquals(0, sandbox.recordedRequests().size());
    }

    @Test
    void collectResultReportsAVendorOutageAndKeepsTheSession() {
        String sessionId = createSession("{\"flow\":\"everyone\"}").path("sessionId");
        sandbox.injectAlways(Endpoint.RESULT, Fault.status(503));

        collectResult(sessionId).then().statusCode(503).body("code", equalTo("upstream_unavailable"));
        assertEquals(SessionStatus.CREATED, store.find(sessionId).orElseThrow().status());

        sandbox.clearFaults();
        sandbox.complete(sessionId, Map.of());
        collectResult(sessionId).then().statusCode(200).body("status", equalTo("COMPLETED"));
    }

    @Test
    void neverMovesACompletedSessionBack() {
        String sessionId = createSession("{\"flow\":\"everyone\"}").path("sessionId");
        sandbox.complete(sessionId, Map.of());
        collectResult(sessionId).then().body("status", equalTo("COMPLETED"));
        sandbox.complete(sessionId, Map.of("LDHP", Outcome.SKIP, "F2F", Outcome.SKIP));

        collectResult(sessionId).then().body("status", equalTo("COMPLETED"))
                .body("technologies.resultReceived", org.hamcrest.Matchers.contains(true, true));
    }

    @Test
    void concurrentCollectionsLeaveOneConsistentRecord() throws Exception {
        ConcurrentCollections.assertOneConsistentRecord(sandbox, collection, store);
    }

}
