package io.flowgate.flow.video;

import io.flowgate.client.FlowRemoteClient;
import io.flowgate.client.UpstreamException;
import io.flowgate.client.UpstreamSessionUnknownException;
import io.flowgate.client.UpstreamUnavailableException;
import io.flowgate.client.UpstreamVideo;
import io.flowgate.config.FlowgateConfig;
import io.flowgate.config.VideoConfig;
import io.flowgate.flow.session.FlowKeys;
import io.flowgate.flow.session.FlowNotConfiguredException;
import io.flowgate.flow.session.SessionNotFoundException;
import io.flowgate.flow.session.StatusReasons;
import io.flowgate.flow.metrics.Metrics;
import io.flowgate.logging.LogContext;
import io.flowgate.store.ConcurrentUpdateException;
import io.flowgate.store.SessionRecord;
import io.flowgate.store.SessionStore;
import io.flowgate.store.VideoArchive.Status;
import io.flowgate.store.VideoArchive;
import io.flowgate.store.VideoBucket;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/**
 * Copies a completed session's liveness video from the vendor to the archive bucket, streaming (see
 * {@link VideoBucket}), and keeps where the copy stands on the session ({@link VideoArchive}): DUE from the write
 * that completes the session until a copy succeeds (ARCHIVED) or the vendor says there is no video (NO_VIDEO).
 * A failed copy stays DUE with its attempt counted and is tried again later, each wait longer, by the sweep or a
 * request for the video (see {@link #archiveDue} and {@link VideoAccess}); once its attempts run out
 * ({@code flowgate.video.archive.max-attempts}) it is FAILED with its last error, shown by getResult, and only a
 * request for the video tries again. Right after a session completes, a copy starts in the background, which
 * never delays or fails the caller that completed it.
 */
@ApplicationScoped
public class VideoArchiving {

    private static final Logger LOG = Logger.getLogger(VideoArchiving.class);
    private static final int ATTEMPTS = 5;
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);

    private final SessionStore store;
    private final FlowRemoteClient vendor;
    private final VideoBucket bucket;
    private final FlowKeys keys;
    private final VideoConfig.Archive settings;
    private final Clock clock;
    private final ExecutorService background = Executors.newFixedThreadPool(2, task -> {
        Thread thread = new Thread(task, "flowgate-video-archive");
        thread.setDaemon(true);
        return thread;
    });

    private final Metrics metrics;

    VideoArchiving(SessionStore store, FlowRemoteClient vendor, VideoBucket bucket, FlowKeys keys,
            FlowgateConfig config, Clock clock, Metrics metrics) {
        this.metrics = metrics;
        this.store = store;
        this.vendor = vendor;
        this.bucket = bucket;
        this.keys = keys;
        this.settings = config.video().archive();
        this.clock = clock;
    }

    /** Whether completed sessions get their video archived. */
    boolean enabled() {
        return bucket.enabled();
    }

    /** Starts the copy of a session just completed, in the background; returns at once and never throws. */
    public void afterCompletion(SessionRecord completed) {
        if (!due(completed)) {
            return;
        }
        try {
            background.execute(() -> {
                try {
                    archive(completed);
                } catch (RuntimeException failed) {
                    // recorded on the session and logged by archive(); the next request for the video retries
                }
            });
        } catch (RejectedExecutionException shuttingDown) {
            LOG.infof("video.archive.deferred sessionId=%s", completed.sessionId());
        }
    }

    /**
     * Copies the session's video to the bucket if its copy is due, and records the outcome on the session.
     *
     * @return the session as stored afterwards
     * @throws UpstreamException or another runtime failure of the copy, after recording it
     */
    public SessionRecord archive(SessionRecord session) {
        if (!due(session)) {
            return session;
        }
        return copy(session);
    }

    /** Tries once more the copy of a session whose attempts ran out: a request for the video. */
    SessionRecord retryFailed(SessionRecord session) {
        return session.videoArchive() != null && session.videoArchive().status() == Status.FAILED
                ? copy(session)
                : archive(session);
    }

    private SessionRecord copy(SessionRecord session) {
        String sessionId = session.sessionId();
        long started = System.nanoTime();
        try (UpstreamVideo video = vendor.openVideo(sessionId, keys.apiKeyOf(session.flow()))) {
            bucket.upload(sessionId, video.body(), video.contentType());
        } catch (UpstreamSessionUnknownException noVideo) {
            LOG.infof("video.archive.none sessionId=%s", sessionId);
            return record(session, Status.NO_VIDEO, null);
        } catch (IOException | RuntimeException failure) {
            String error = errorCode(failure);
            LOG.warnf("video.archive.failed sessionId=%s error=%s attempt=%d", sessionId, error,
                    session.videoArchive().attempts() + 1);
            record(session, Status.DUE, error);
            metrics.videoCopy(false);
            throw failure instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) failure;
        }
        LOG.infof("video.archived sessionId=%s elapsedMs=%d", sessionId, (System.nanoTime() - started) / 1_000_000);
        metrics.videoCopy(true);
        return record(session, Status.ARCHIVED, null);
    }

    /**
     * Makes up to {@code limit} copies still due (the background copy failed, or its Lambda instance was frozen
     * or went away before it ran). Called by the sweep, so no copy waits for a request for the video.
     *
     * @return how many copies were made
     */
    public int archiveDue(int limit, BooleanSupplier timeLeft) {
        if (!enabled()) {
            return 0;
        }
        int made = 0;
        for (SessionRecord session : store.findDueVideoCopies(clock.instant(), limit)) {
            if (!timeLeft.getAsBoolean()) {
                break;
            }
            try (LogContext.Scope ignored = LogContext.sessionScope(session.sessionId(), session.flow())) {
                made += archive(session).videoArchive().status() == Status.ARCHIVED ? 1 : 0;
            } catch (RuntimeException failed) {
                // recorded on the session and logged by archive(); the next sweep tries again
            }
        }
        return made;
    }

    private SessionRecord record(SessionRecord session, Status outcome, String error) {
        SessionRecord current = session;
        for (int attempt = 1; ; attempt++) {
            if (current.redacted()) {
                return afterRedaction(current, outcome);
            }
            if (!copyable(current)) {
                return current;
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            SessionRecord next = current.withVideoArchive(outcome(current.videoArchive(), outcome, now, error), now);
            try {
                store.update(next);
                return next;
            } catch (ConcurrentUpdateException lost) {
                if (attempt == ATTEMPTS) {
                    throw lost;
                }
                current = store.find(session.sessionId()).orElseThrow(() -> new SessionNotFoundException("id"));
            }
        }
    }

    /**
     * A copy that was in flight while the session was redacted: what it uploaded is deleted (the redaction's own
     * delete may have come before the upload ended), and nothing is recorded.
     */
    private SessionRecord afterRedaction(SessionRecord redacted, Status outcome) {
        if (outcome == Status.ARCHIVED) {
            LOG.infof("video.archive.redacted sessionId=%s: the copy is deleted", redacted.sessionId());
            bucket.delete(redacted.sessionId());
        }
        return redacted;
    }

    /**
     * A failed copy is due again after a wait that doubles with each attempt (up to an hour), until its attempts
     * run out: then it is FAILED, and no longer taken by the sweep.
     */
    private VideoArchive outcome(VideoArchive archive, Status outcome, Instant now, String error) {
        if (outcome != Status.DUE) {
            return archive.attempted(outcome, now, error);
        }
        if (archive.attempts() + 1 >= settings.maxAttempts()) {
            LOG.warnf("video.archive.given-up attempts=%d error=%s", archive.attempts() + 1, error);
            return archive.attempted(Status.FAILED, now, error);
        }
        Duration wait = settings.initialBackoff().multipliedBy(1L << Math.min(archive.attempts(), 16));
        return archive.retryAt(now, error, now.plus(wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait));
    }

    private static boolean copyable(SessionRecord session) {
        return !session.redacted() && session.videoArchive() != null && (session.videoArchive().status() == Status.DUE
                || session.videoArchive().status() == Status.FAILED);
    }

    private static boolean due(SessionRecord session) {
        return !session.redacted() && session.videoArchive() != null && session.videoArchive().status() == Status.DUE;
    }

    /** A failure's kind, for the log and the session: never its message (it may hold a URL or a key). */
    private static String errorCode(Exception failure) {
        if (failure instanceof FlowNotConfiguredException) {
            return StatusReasons.FLOW_REMOVED;
        }
        if (failure instanceof UpstreamUnavailableException unavailable) {
            return "upstream_" + unavailable.reason().name().toLowerCase();
        }
        if (failure instanceof UpstreamException) {
            return "upstream_" + failure.getClass().getSimpleName().replace("Upstream", "").replace("Exception", "")
                    .toLowerCase();
        }
        return failure.getClass().getSimpleName();
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }
}
