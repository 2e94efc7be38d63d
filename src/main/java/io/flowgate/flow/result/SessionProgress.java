package io.flowgate.flow.result;

import io.flowgate.flow.decision.Decision;
import io.flowgate.flow.decision.DecisionPolicies;
import io.flowgate.flow.session.ResultFields;
import io.flowgate.flow.session.StoredResults;
import io.flowgate.config.FlowgateConfig;
import io.flowgate.config.SessionConfig;
import io.flowgate.store.SessionRecord;
import io.flowgate.store.SessionStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The rules of a session's progress: COMPLETED when every technology whose result field flowgate
 * knows has its result; EXPIRED when the lifetime and grace have passed without that; PENDING when
 * some results are in; CREATED before any. A final session gets its decision; a COMPLETED one, when videos
 * are archived ({@code flowgate.video.archive.bucket}), its video's copy due ({@link VideoArchiving}).
 */
@ApplicationScoped
public class SessionProgress {

    static final String EXPIRED_REASON = "the session expired before every technology had its result";

    private final DecisionPolicies policies;
    private final SessionConfig timing;
    private final boolean archiveVideos;

    SessionProgress(DecisionPolicies policies, FlowgateConfig config) {
        this.policies = policies;
        this.timing = config.session();
        this.archiveVideos = config.video().archive().bucket().isPresent();
    }

    /** The session after the vendor reported {@code fetched}; the same instance when nothing changes. */
    SessionRecord next(SessionRecord stored, Map<String, Object> fetched, Instant now) {
        Map<String, Object> results = StoredResults.read(stored.resultJson());
        results.putAll(new LinkedHashMap<>(fetched));
        SessionStatus status = status(stored, results, now);
        String resultJson = results.isEmpty() ? null : StoredResults.write(results);
        if (status == stored.status() && Objects.equals(resultJson, stored.resultJson())) {
            return stored;
        }
        Decision decision = switch (status) {
            case COMPLETED -> policies.forFlow(stored.flow()).decide(StoredResults.tree(results));
            case EXPIRED -> new Decision(Decision.DECLINED, List.of(EXPIRED_REASON));
            default -> null;
        };
        boolean finished = status == SessionStatus.COMPLETED || status == SessionStatus.EXPIRED;
        SessionRecord next = stored.next(status, now, finished ? now : null, resultJson,
                decision == null ? null : decision.outcome(), decision == null ? List.of() : decision.reasons());
        return status == SessionStatus.COMPLETED && archiveVideos ? next.withVideoArchiveDue() : next;
    }

    boolean pastDeadline(SessionRecord session, Instant now) {
        return now.isAfter(session.expiresAt().plus(timing.grace()));
    }

    private SessionStatus status(SessionRecord session, Map<String, Object> results, Instant now) {
        List<String> expected = session.technologies().stream().map(ResultFields::forTechnology)
                .flatMap(Optional::stream).distinct().toList();
        if (results.keySet().containsAll(expected) && (!expected.isEmpty() || !results.isEmpty())) {
            return SessionStatus.COMPLETED;
        }
        if (pastDeadline(session, now)) {
            return SessionStatus.EXPIRED;
        }
        return results.isEmpty() ? SessionStatus.CREATED : SessionStatus.PENDING;
    }
}
