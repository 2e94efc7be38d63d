package io.flowgate.flow.creation;

import io.flowgate.store.SessionAlreadyExistsException;
import io.flowgate.store.SessionRecord;
import io.flowgate.store.SessionStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Stores the record of a session the vendor has just created: the write is retried (a throttled or briefly
 * unavailable store must not lose a paid session), and a session already stored counts as stored, since an
 * earlier attempt may have landed without its answer.
 */
@ApplicationScoped
public class SessionRecorder {

    private static final Logger LOG = Logger.getLogger(SessionRecorder.class);
    /** The waits before the second and third attempts. */
    static final List<Duration> WAITS = List.of(Duration.ofMillis(50), Duration.ofMillis(250));

    private final SessionStore store;

    SessionRecorder(SessionStore store) {
        this.store = store;
    }

    /**
     * @return the stored session
     * @throws SessionNotRecordedException when every attempt failed
     */
    public SessionRecord record(SessionRecord session) {
        RuntimeException last = null;
        for (int attempt = 0; attempt <= WAITS.size(); attempt++) {
            if (attempt > 0) {
                sleep(WAITS.get(attempt - 1));
            }
            try {
                store.create(session);
                return session;
            } catch (SessionAlreadyExistsException stored) {
                return store.find(session.sessionId()).orElse(session);
            } catch (RuntimeException failure) {
                last = failure;
                LOG.warnf("session.record.retry sessionId=%s attempt=%d failure=%s", session.sessionId(),
                        attempt + 1, failure.getClass().getSimpleName());
            }
        }
        LOG.errorf("session.unrecorded sessionId=%s flow=%s caller=%s failure=%s: the vendor's session is paid for "
                + "but its record could not be stored", session.sessionId(), session.flow(), session.caller(),
                last.getClass().getSimpleName());
        throw new SessionNotRecordedException(session.sessionId(), last);
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
