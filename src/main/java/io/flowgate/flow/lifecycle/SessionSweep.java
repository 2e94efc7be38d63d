package io.flowgate.flow.lifecycle;

import io.flowgate.budget.Budget;
import io.flowgate.budget.InvocationBudget;
import io.flowgate.config.FlowgateConfig;
import io.flowgate.config.SweepConfig;
import io.flowgate.flow.creation.ReferenceHolds;
import io.flowgate.flow.metrics.Metrics;
import io.flowgate.flow.result.ResultCollection;
import io.flowgate.flow.session.StatusReasons;
import io.flowgate.logging.LogContext;
import io.flowgate.flow.video.VideoArchiving;
import io.flowgate.store.SessionRecord;
import io.flowgate.store.SessionStatus;
import io.flowgate.store.SessionStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/**
 * Brings sessions whose browser never came back to a final state. First it stores the sessions paid for at the
 * vendor whose request died before their record ({@link ReferenceHolds#repairOrphans}); then it collects the
 * unfinished sessions that are due
 * (first {@code flowgate.sweep.older-than} after creation, then again after each collection; later and later
 * after failures), a bounded batch at a time, the earliest due first, so a session that keeps failing never
 * holds back the others. Past its lifetime and grace a session becomes EXPIRED whatever the vendor answers (see
 * {@link ResultCollection#collect(String)}). Each session is handled on its own: any failure is logged with its
 * id and counted, and the run goes on. Safe beside callbacks and other sweeps: each session goes through the
 * same conditional collection.
 */
@ApplicationScoped
public class SessionSweep {

    private static final Logger LOG = Logger.getLogger(SessionSweep.class);

    private final SessionStore store;
    private final ResultCollection collection;
    private final VideoArchiving videoArchiving;
    private final ReferenceHolds references;
    private final SweepConfig config;
    private final Duration oneVendorCall;
    private final Clock clock;
    private final Metrics metrics;

    SessionSweep(SessionStore store, ResultCollection collection, VideoArchiving videoArchiving,
            ReferenceHolds references, FlowgateConfig config, Clock clock, Metrics metrics) {
        this.metrics = metrics;
        this.store = store;
        this.collection = collection;
        this.videoArchiving = videoArchiving;
        this.references = references;
        this.config = config.sweep();
        this.oneVendorCall = config.upstream().maxCallTime();
        this.clock = clock;
    }

    /**
     * One sweep, within the invocation's budget ({@link InvocationBudget}; without one, {@code flowgate.sweep.time-budget}):
     * no session or video copy is started once less than one vendor call ({@code flowgate.upstream.max-call-time})
     * of it is left.
     */
    public SweepReport sweep() {
        Budget invocation = InvocationBudget.current().orElseGet(() -> Budget.of(config.timeBudget()));
        BooleanSupplier mayStartAnother = () -> invocation.allows(oneVendorCall);
        int recovered = recoverOrphans();
        List<SessionRecord> due = store.findDueCollections(clock.instant(), config.batchSize());
        int completed = 0;
        int expired = 0;
        int pending = 0;
        int failed = 0;
        int examined = 0;
        for (SessionRecord session : due) {
            if (!mayStartAnother.getAsBoolean()) {
                break;
            }
            examined++;
            SessionStatus status = collectOne(session);
            if (status == null) {
                failed++;
            } else {
                switch (status) {
                    case COMPLETED -> completed++;
                    case EXPIRED -> expired++;
                    case CANCELLED -> {
                        // cancelled by its integrator since it was read: final, and not by this sweep
                    }
                    default -> pending++;
                }
            }
        }
        int videosCopied = archiveVideos(mayStartAnother);
        if (videosCopied > 0) {
            LOG.infof("sweep.videos archived=%d", videosCopied);
        }
        int leftOver = due.size() - examined;
        SweepReport report = new SweepReport(examined, completed, expired, pending, failed, recovered, leftOver);
        metrics.sweep(examined, completed + expired, failed, leftOver);
        LOG.logf(due.isEmpty() && recovered == 0 ? Logger.Level.DEBUG : leftOver > 0 ? Logger.Level.WARN
                : Logger.Level.INFO, "sweep.done examined=%d completed=%d expired=%d pending=%d failed=%d recovered=%d "
                + "leftOver=%d", examined, completed, expired, pending, failed, recovered, leftOver);
        return report;
    }

    /** The session's status after its collection, or null when it failed; its lines carry its id and flow. */
    private SessionStatus collectOne(SessionRecord session) {
        try (LogContext.Scope ignored = LogContext.sessionScope(session.sessionId(), session.flow())) {
            try {
                return collection.collect(session.sessionId()).status();
            } catch (RuntimeException e) {
                LOG.warnf("sweep.session.failed sessionId=%s reason=%s failure=%s", session.sessionId(),
                        StatusReasons.of(e), e.getClass().getSimpleName());
                return null;
            }
        }
    }

    /** Sessions the vendor created whose request died before their record was stored: stored now, then swept. */
    private int recoverOrphans() {
        try {
            return references.repairOrphans(config.batchSize());
        } catch (RuntimeException e) {
            LOG.warnf("sweep.orphans.failed failure=%s", e.getClass().getSimpleName());
            return 0;
        }
    }

    private int archiveVideos(BooleanSupplier mayStartAnother) {
        try {
            return videoArchiving.archiveDue(config.batchSize(), mayStartAnother);
        } catch (RuntimeException e) {
            LOG.warnf("sweep.videos.failed failure=%s", e.getClass().getSimpleName());
            return 0;
        }
    }

    /**
     * What one sweep did; {@code failed} sessions stay unfinished, due again later; {@code recovered} sessions were
     * paid for at the vendor but left unstored by a request that died, and are stored now; {@code leftOver} were
     * due but left for the next sweep, its time budget spent.
     */
    public record SweepReport(int examined, int completed, int expired, int pending, int failed, int recovered,
            int leftOver) {
    }
}
