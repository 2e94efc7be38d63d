package io.flowgate.sandbox;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What tests (and demos) hold of the sandbox: the requests it received, its sessions, the faults it
 * should show and the size of its video. {@link #reset()} between tests puts it back as it started.
 */
@Singleton
@IfBuildProperty(name = "flowgate.sandbox.enabled", stringValue = "true")
public class Sandbox {

    private final SandboxServer server;
    private final SandboxSessions sessions;
    private final RequestRecorder recorder;
    private final FaultPlan faults;
    private final FakeVideo video;

    Sandbox(SandboxServer server, SandboxSessions sessions, RequestRecorder recorder, FaultPlan faults,
            FakeVideo video) {
        this.server = server;
        this.sessions = sessions;
        this.recorder = recorder;
        this.faults = faults;
        this.video = video;
    }

    /** {@code http://localhost:<port>}, the base of the vendor API paths and of {@code /sandbox/flow/}. */
    public String baseUrl() {
        return "http://localhost:" + server.port();
    }

    /** Every request received since the last reset (up to the configured bound), oldest first. */
    public List<RecordedRequest> recordedRequests() {
        return recorder.all();
    }

    /** The last request received on exactly this path (e.g. {@code Endpoint.CREATE.path()}). */
    public Optional<RecordedRequest> lastRequest(String path) {
        return recorder.last(path);
    }

    public Optional<RecordedRequest> lastRequest(Endpoint endpoint) {
        return recorder.last(endpoint.path());
    }

    /** Every session created (and so paid for, at a real vendor) since the last reset. */
    public Set<String> sessionIds() {
        return sessions.ids();
    }

    public Optional<SandboxSession> session(String sessionId) {
        return sessions.find(sessionId);
    }

    /**
     * Emulates the person finishing the hosted flow: technologies not named pass. May be called again
     * on a completed session (replacing its outcomes), unlike the flow page.
     *
     * @throws IllegalArgumentException for an unknown session or a technology not in its flow
     * @throws IllegalStateException    if the session has expired
     */
    public SandboxSession complete(String sessionId, Map<String, Outcome> outcomes) {
        return sessions.complete(sessionId, outcomes);
    }

    /**
     * Emulates the person finishing the hosted flow having passed, for each technology named in
     * {@code substitutes}, that other member of the session's interchangeable group instead: the result then holds
     * the substitute's result field (with the technology's outcome) and not the technology's.
     *
     * @throws IllegalArgumentException also for a substitute that is not another member of the technology's group
     */
    public SandboxSession complete(String sessionId, Map<String, Outcome> outcomes, Map<String, String> substitutes) {
        return sessions.complete(sessionId, outcomes, substitutes);
    }

    /** The next {@code times} requests to the endpoint show the fault (after faults planned before). */
    public void injectNext(Endpoint endpoint, int times, Fault fault) {
        faults.next(endpoint, times, fault);
    }

    /** Every request to the endpoint shows the fault until {@link #clearFaults()} or {@link #reset()}. */
    public void injectAlways(Endpoint endpoint, Fault fault) {
        faults.always(endpoint, fault);
    }

    /** Every request to the endpoint about that session shows the fault (a session the vendor keeps refusing). */
    public void injectForSession(String sessionId, Endpoint endpoint, Fault fault) {
        faults.forSession(sessionId, endpoint, fault);
    }

    public void clearFaults() {
        faults.clear();
    }

    /** The size of the liveness video from now on, in bytes ({@link FakeVideo#DEFAULT_SIZE} after a reset). */
    public void videoSize(long bytes) {
        video.size(bytes);
    }

    /** Whether the video download says its length; {@code false}: sent chunked (true after a reset). */
    public void videoLengthKnown(boolean known) {
        video.lengthKnown(known);
    }

    /** The bytes of video the sandbox has handed to its connections since the last reset. */
    public long videoBytesSent() {
        return video.bytesSent();
    }

    /** Forgets sessions, recorded requests and faults, and restores the video's size, length and count. */
    public void reset() {
        sessions.clear();
        recorder.clear();
        faults.clear();
        video.size(FakeVideo.DEFAULT_SIZE);
        video.lengthKnown(true);
        video.resetCount();
    }
}
