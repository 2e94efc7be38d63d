package io.flowgate.sandbox;

import io.flowgate.config.FlowgateConfig;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sandbox's sessions, in memory. A session is open for the hosted flow during
 * {@code flowgate.sandbox.session-lifetime} (10 minutes, as the vendor documents) after its creation;
 * after that the flow page answers 410 and the flow can no longer be completed. Reading the result
 * (and the video) is not limited in time: an expired session keeps answering with what the person
 * went through before it expired, which is nothing if the flow was never completed. A session is
 * completed once from the flow page; {@link #complete} (the tests' shortcut) may replace the outcomes. A session
 * created with interchangeable technologies lets the person pass another member of the group instead of a
 * technology of the flow that is in it.
 */
@Singleton
@IfBuildProperty(name = "flowgate.sandbox.enabled", stringValue = "true")
public class SandboxSessions {

    private final Map<String, SandboxSession> sessions = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration lifetime;

    SandboxSessions(FlowgateConfig config, Clock clock) {
        this.clock = clock;
        this.lifetime = config.sandbox().sessionLifetime();
    }

    /** A new session of the flow; {@code interchangeable} is its create request's one group, or empty. */
    public SandboxSession create(SandboxFlows.Flow flow, SandboxSession.Prefill prefill, List<String> interchangeable) {
        SandboxSession session = new SandboxSession(UUID.randomUUID().toString(), flow.name(), flow.apiKey(),
                flow.technologies(), clock.instant(), prefill, Map.of(), interchangeable, Map.of());
        sessions.put(session.id(), session);
        return session;
    }

    /** The ids of every session created since the last {@link #clear()}. */
    public Set<String> ids() {
        return Set.copyOf(sessions.keySet());
    }

    public Optional<SandboxSession> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(sessions.get(id));
    }

    /** Whether the session's time for the hosted flow is over (its age exceeds the lifetime). */
    public boolean expired(SandboxSession session) {
        return clock.instant().isAfter(session.createdAt().plus(lifetime));
    }

    /**
     * Records what the person did. Technologies not named pass (as the flow page's defaults do).
     *
     * @throws IllegalArgumentException for an unknown session or a technology the session does not have
     * @throws IllegalStateException    if the session has expired
     */
    public SandboxSession complete(String id, Map<String, Outcome> outcomes) {
        return complete(id, outcomes, Map.of());
    }

    /**
     * Records what the person did, having passed, for each technology named in {@code substitutes}, that other
     * member of the session's interchangeable group instead (the outcome then is the substitute's).
     *
     * @throws IllegalArgumentException also for a substitute that is not another member of the technology's group
     */
    public SandboxSession complete(String id, Map<String, Outcome> outcomes, Map<String, String> substitutes) {
        SandboxSession session = find(id).orElseThrow(() -> new IllegalArgumentException("no such session: " + id));
        Set<String> unknown = new HashSet<>(outcomes.keySet());
        unknown.addAll(substitutes.keySet());
        session.technologies().forEach(unknown::remove);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("not technologies of session " + id + ": " + unknown);
        }
        substitutes.forEach((technology, substitute) -> {
            if (!session.alternatives(technology).contains(substitute)) {
                throw new IllegalArgumentException(substitute + " may not replace " + technology + " in session " + id
                        + "; alternatives: " + session.alternatives(technology));
            }
        });
        if (expired(session)) {
            throw new IllegalStateException("session expired: " + id);
        }
        Map<String, Outcome> all = new LinkedHashMap<>();
        session.technologies().forEach(code -> all.put(code, outcomes.getOrDefault(code, Outcome.PASS)));
        SandboxSession done = session.withOutcomes(all, substitutes);
        sessions.put(id, done);
        return done;
    }

    public void clear() {
        sessions.clear();
    }
}
