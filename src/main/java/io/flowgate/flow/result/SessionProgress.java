package io.flowgate.flow.result;

import io.flowgate.config.FlowgateConfig;
import io.flowgate.config.SessionConfig;
import io.flowgate.flow.decision.Decision;
import io.flowgate.flow.decision.DecisionPolicies;
import io.flowgate.flow.session.RequiredResults;
import io.flowgate.flow.session.StatusReasons;
import io.flowgate.flow.session.StoredResults;
import io.flowgate.store.CollectionSchedule;
import io.flowgate.store.SessionRecord;
import io.flowgate.store.SessionStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The rules of a session's progress: COMPLETED when every technology whose result field flowgate
 * knows has its result, but that a group of interchangeable technologies needs the result of any one of its
 * members ({@link RequiredResults}); EXPIRED when the lifetime and grace have passed without that; PENDING when
 * some results are in; CREATED before any. The decision leaves out the rules over a replaced technology's result. A final session gets its decision; a COMPLETED one, when videos
 * are archived ({@code flowgate.video.archive.bucket}), its video's copy due ({@link VideoArchiving}).
 */
@ApplicationScoped
public class SessionProgress {

    static final int MAX_BACKOFF_MINUTES = 30;
    static final String EXPIRED_REASON = "the session expired before every technology had its result";

    private final DecisionPolicies policies;
    private final SessionConfig timing;
    private final Duration recollectAfter;
    private final boolean archiveVideos;
    private final int maxResultBytes;

    SessionProgress(DecisionPolicies policies, FlowgateConfig config) {
        this.policies = policies;
        this.timing = config.session();
        this.recollectAfter = config.sweep().olderThan();
        this.archiveVideos = config.video().archive().bucket().isPresent();
        this.maxResultBytes = config.store().maxResultBytes();
    }

    /**
     * The session after the vendor reported {@code fetched}; the same instance when nothing changes, but for an
     * unchanged session that was due for collection, which is next due later.
     */
    SessionRecord next(SessionRecord stored, Map<String, Object> fetched, Instant now) {
        Map<String, Object> results = StoredResults.read(stored.resultJson());
        results.putAll(new LinkedHashMap<>(fetched));
        SessionStatus status = status(stored, results, now);
        ResultSize.Fitted fitted = results.isEmpty() ? null : ResultSize.fit(results, maxResultBytes);
        String resultJson = fitted == null ? null : fitted.json();
        if (status == stored.status() && Objects.equals(resultJson, stored.resultJson())) {
            return due(stored, now)
                    ? stored.withCollection(CollectionSchedule.first(nextCollectAt(stored, now)))
                    : stored;
        }
        SessionRecord next = next(stored, status, results, resultJson, now);
        return fitted != null && fitted.cut() ? next.withResultTruncated() : next;
    }

    private SessionRecord next(SessionRecord stored, SessionStatus status, Map<String, Object> results,
            String resultJson, Instant now) {
        if (status == SessionStatus.EXPIRED) {
            return expired(stored, resultJson, StatusReasons.ABANDONED, now);
        }
        if (status == SessionStatus.COMPLETED) {
            Set<String> replaced = RequiredResults.replacedFields(stored.technologies(), stored.interchangeableTech(),
                    results.keySet());
            Decision decision = policies.forFlow(stored.flow()).decide(StoredResults.tree(results), replaced);
            SessionRecord next = stored.next(status, null, now, now, resultJson, decision.outcome(), decision.reasons(),
                    null);
            return archiveVideos ? next.withVideoArchiveDue(now) : next;
        }
        return stored.next(status, null, now, null, resultJson, null, List.of(), nextCollectAt(stored, now));
    }

    /**
     * The session made EXPIRED past its deadline because collecting it failed with {@code reason}: the results
     * already received are kept.
     */
    SessionRecord expiredAfterFailure(SessionRecord stored, String reason, Instant now) {
        SessionRecord expired = expired(stored, stored.resultJson(), reason, now);
        return stored.resultTruncated() ? expired.withResultTruncated() : expired;
    }

    private static SessionRecord expired(SessionRecord stored, String resultJson, String reason, Instant now) {
        return stored.next(SessionStatus.EXPIRED, reason, now, now, resultJson, Decision.DECLINED,
                List.of(EXPIRED_REASON), null);
    }

    /**
     * The session after a collection that failed with {@code reason}, before its deadline: due again after a wait
     * that doubles with each failure in a row (from {@code flowgate.sweep.older-than} up to
     * {@value #MAX_BACKOFF_MINUTES} minutes), and at the latest just past its deadline, when it is made final.
     */
    SessionRecord afterFailure(SessionRecord stored, String reason, Instant now) {
        CollectionSchedule schedule = stored.collection() == null
                ? CollectionSchedule.first(stored.createdAt())
                : stored.collection();
        Duration wait = recollectAfter.multipliedBy(1L << Math.min(schedule.failures(), 16));
        Duration max = Duration.ofMinutes(MAX_BACKOFF_MINUTES);
        Instant again = now.plus(wait.compareTo(max) > 0 ? max : wait);
        Instant justPast = deadline(stored).plusMillis(1);
        return stored.withCollection(schedule.failed(reason, again.isBefore(justPast) ? again : justPast));
    }

    private static boolean due(SessionRecord session, Instant now) {
        Instant dueAt = session.collectDueAt();
        return dueAt != null && !dueAt.isAfter(now);
    }

    boolean pastDeadline(SessionRecord session, Instant now) {
        return now.isAfter(deadline(session));
    }

    /** When the session is made final whatever the vendor answers: its lifetime and grace are over. */
    public Instant deadline(SessionRecord session) {
        return session.expiresAt().plus(timing.grace());
    }

    /** An open session is collected again after a while, and at the latest just past its deadline. */
    private Instant nextCollectAt(SessionRecord session, Instant now) {
        Instant justPast = deadline(session).plusMillis(1);
        Instant again = now.plus(recollectAfter);
        return again.isBefore(justPast) ? again : justPast;
    }

    private SessionStatus status(SessionRecord session, Map<String, Object> results, Instant now) {
        if (RequiredResults.complete(session.technologies(), session.interchangeableTech(), results.keySet())) {
            return SessionStatus.COMPLETED;
        }
        if (pastDeadline(session, now)) {
            return SessionStatus.EXPIRED;
        }
        return results.isEmpty() ? SessionStatus.CREATED : SessionStatus.PENDING;
    }
}
