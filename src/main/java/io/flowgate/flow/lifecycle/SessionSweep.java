package io.flowgate.flow.lifecycle;

import io.flowgate.flow.result.ResultCollection;
import io.flowgate.flow.video.VideoArchiving;
import io.flowgate.client.UpstreamException;
import io.flowgate.config.FlowgateConfig;
import io.flowgate.config.SweepConfig;
import io.flowgate.store.ConcurrentUpdateException;
import io.flowgate.store.SessionRecord;
import io.flowgate.store.SessionStatus;
import io.flowgate.store.SessionStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Brings sessions whose browser never came back to a final state: collects every unfinished session
 * older than {@code flowgate.sweep.older-than}, a bounded batch at a time; those past their lifetime
 * and grace without every result become EXPIRED. Safe beside callbacks and other sweeps: each
 * session goes through the same conditional collection.
 */
@ApplicationScoped
public class SessionSweep {

    private static final Logger LOG = Logger.getLogger(SessionSweep.class);

    private final SessionStore store;
    private final ResultCollection collection;
    private final SweepConfig config;
    private final Clock clock;

    private final VideoArchiving videoArchiving;

    SessionSweep(SessionStore store, ResultCollection collection, FlowgateConfig config, Clock clock,
            VideoArchiving videoArchiving) {
        this.videoArchiving = videoArchiving;
        this.store = store;
        this.collection = collection;
        this.config = config.sweep();
        this.clock = clock;
    }

    public SweepReport sweep() {
        List<SessionRecord> due = store.findUnfinished(clock.instant().minus(config.olderThan()), config.batchSize());
        int completed = 0;
        int expired = 0;
        int pending = 0;
        int failed = 0;
        for (SessionRecord session : due) {
            try {
                SessionStatus status = collection.collect(session.sessionId()).status();
                switch (status) {
                    case COMPLETED -> completed++;
                    case EXPIRED -> expired++;
                    default -> pending++;
                }
            } catch (UpstreamException | ConcurrentUpdateException e) {
                failed++;
                LOG.warnf("sweep.session.failed sessionId=%s reason=%s", session.sessionId(), e.getClass().getSimpleName());
            }
        }
        int videosCopied = videoArchiving.archiveDue(config.batchSize());
        if (videosCopied > 0) {
            LOG.infof("sweep.videos archived=%d", videosCopied);
        }
        SweepReport report = new SweepReport(due.size(), completed, expired, pending, failed);
        LOG.logf(due.isEmpty() ? Logger.Level.DEBUG : Logger.Level.INFO,
                "sweep.done examined=%d completed=%d expired=%d pending=%d failed=%d", report.examined(), completed,
                expired, pending, failed);
        return report;
    }

    /** What one sweep did; {@code failed} sessions stay unfinished for the next sweep. */
    public record SweepReport(int examined, int completed, int expired, int pending, int failed) {
    }
}
