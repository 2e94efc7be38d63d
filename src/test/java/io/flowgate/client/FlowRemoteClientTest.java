package io.flowgate.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowgate.budget.Budget;
import io.flowgate.budget.InvocationBudget;
import io.flowgate.client.UpstreamUnavailableException.Reason;
import io.flowgate.sandbox.Endpoint;
import io.flowgate.sandbox.Fault;
import io.flowgate.sandbox.Outcome;
import io.flowgate.sandbox.RecordedRequest;
import io.flowgate.sandbox.Sandbox;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The vendor client against the sandbox: result and video reads, and how their failures are typed. */
@QuarkusTest
class FlowRemoteClientTest {

    static final String KEY = "sandbox-legal-entities-0000000000000000000000000000000";
    static final String OTHER_KEY = "sandbox-everyone-00000000000000000000000000000000000000";

    @Inject
    FlowRemoteClient client;

    @Inject
    Sandbox sandbox;

    @Test
    void readsTheResultsOfTheTechnologiesGoneThrough() {
        String sessionId = client.createSession(KEY, null).sessionId();
        sandbox.complete(sessionId, Map.of("LD", Outcome.PASS, "DR", Outcome.PASS, "F2F", Outcome.SKIP));

        UpstreamResult result = client.fetchResult(sessionId, KEY);

        assertEquals(sessionId, result.sessionId());
        assertEquals(List.of("liveness_result", "document_recognition_result"), List.copyOf(result.results().keySet()));
        assertEquals(3, result.technologies().size());
        assertTrue(result.technologies().stream().allMatch(t -> t.name() != null && t.description() != null));
        assertTrue(result.results().get("document_recognition_result").get("date_of_birth").toString()
                .matches("\\d{2}\\.\\d{2}\\.\\d{4}"));
        RecordedRequest request = sandbox.lastRequest(Endpoint.RESULT).orElseThrow();
        assertEquals("/api/v1/flows/session/result/", request.path());
        assertEquals(sessionId, request.queryParam("session_id").orElseThrow());
        assertEquals(KEY, request.queryParam("flow_api_key").orElseThrow());
    }

    @Test
    void typesAnUnknownSession() {
        assertThrows(UpstreamSessionUnknownException.class,
                () -> client.fetchResult("00000000-0000-4000-8000-000000000000", KEY));
    }

    @Test
    void typesAKeyThatIsNotTheSessionsOwn() {
        String sessionId = client.createSession(KEY, null).sessionId();

        UpstreamKeyRejectedException rejected = assertThrows(UpstreamKeyRejectedException.class,
                () -> client.fetchResult(sessionId, OTHER_KEY));
        assertEquals(403, rejected.upstreamStatus());
        assertFalse(rejected.getMessage().contains(OTHER_KEY));
    }

    @Test
    void typesServerErrorsTimeoutsAndMalformedAnswersOfTheResult() {
        String sessionId = client.createSession(KEY, null).sessionId();

        sandbox.injectAlways(Endpoint.RESULT, Fault.status(502));
        assertEquals(Reason.SERVER_ERROR, unavailable(sessionId).reason());
        sandbox.clearFaults();
        sandbox.injectAlways(Endpoint.RESULT, Fault.delay(Duration.ofSeconds(3)));
        assertEquals(Reason.TIMEOUT, unavailable(sessionId).reason());
        sandbox.clearFaults();
        sandbox.injectAlways(Endpoint.RESULT, Fault.malformedJson());
        assertEquals(Reason.MALFORMED_RESPONSE, unavailable(sessionId).reason());
        sandbox.clearFaults();

        assertEquals(sessionId, client.fetchResult(sessionId, KEY).sessionId());
    }

    @Test
    void retriesTheResultReadThroughPassingVendorFailures() {
        String sessionId = client.createSession(KEY, null).sessionId();
        sandbox.injectNext(Endpoint.RESULT, 1, Fault.status(503));
        sandbox.injectNext(Endpoint.RESULT, 1, Fault.closeConnection());

        assertEquals(sessionId, client.fetchResult(sessionId, KEY).sessionId());
        assertEquals(3, requestsTo(Endpoint.RESULT));
    }

    @Test
    void neverRetriesSessionCreationThatMayHaveReachedTheVendor() {
        sandbox.injectNext(Endpoint.CREATE, 1, Fault.status(500));

        assertThrows(UpstreamUnavailableException.class, () -> client.createSession(KEY, null));
        assertEquals(1, requestsTo(Endpoint.CREATE));
    }

    @Test
    void givesUpOnASlowVendorWhenWhatIsLeftOfTheInvocationsBudgetRunsOut() {
        sandbox.injectAlways(Endpoint.CREATE, Fault.delay(Duration.ofSeconds(10)));
        long started = System.nanoTime();

        UpstreamUnavailableException timedOut = assertThrows(UpstreamUnavailableException.class,
                () -> InvocationBudget.within(Budget.of(Duration.ofMillis(300)), () -> client.createSession(KEY, null)));

        Duration waited = Duration.ofNanos(System.nanoTime() - started);
        assertEquals(Reason.TIMEOUT, timedOut.reason());
        assertTrue(waited.compareTo(Duration.ofMillis(1500)) < 0,
                "gave up after " + waited + ", not within the budget but at the read timeout (2 s)");
        assertEquals(1, requestsTo(Endpoint.CREATE));
    }

    private long requestsTo(Endpoint endpoint) {
        return sandbox.recordedRequests().stream().filter(r -> r.path().equals(endpoint.path())).count();
    }

    @Test
    void streamsTheLivenessVideo() throws Exception {
        String sessionId = client.createSession(KEY, null).sessionId();
        sandbox.complete(sessionId, Map.of());
        sandbox.videoSize(300_000);

        byte[] video;
        try (UpstreamVideo stream = client.openVideo(sessionId, KEY)) {
            assertEquals("video/mp4", stream.contentType());
            assertEquals(OptionalLong.of(300_000), stream.length());
            video = stream.body().readAllBytes();
        }

        assertEquals(300_000, video.length);
        assertArrayEquals("ftyp".getBytes(), Arrays.copyOfRange(video, 4, 8));
    }

    @Test
    void typesAMissingVideoAsAnUnknownSession() {
        String sessionId = client.createSession(KEY, null).sessionId();

        assertThrows(UpstreamSessionUnknownException.class, () -> client.openVideo(sessionId, KEY));
    }

    private UpstreamUnavailableException unavailable(String sessionId) {
        return assertThrows(UpstreamUnavailableException.class, () -> client.fetchResult(sessionId, KEY));
    }
}
