package io.flowgate.flow.resumption;

import io.flowgate.flow.callback.VerificationUrls;
import io.flowgate.flow.session.Caller;
import io.flowgate.flow.session.SessionLookup;
import io.flowgate.flow.session.SessionNotFoundException;
import io.flowgate.flow.session.SessionConflictException;
import io.flowgate.store.SessionRecord;
import io.flowgate.store.SessionStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * Gives a person who lost the tab or changed device a new link into the session they started: the verification URL
 * of the same vendor session, signed as at creation ({@link VerificationUrls}). Only for a session that is not final
 * and not past its {@code expiresAt}, when the vendor still takes the person through it. Stores nothing.
 */
@ApplicationScoped
public class SessionResumption {

    private static final Logger LOG = Logger.getLogger(SessionResumption.class);

    private final SessionLookup lookup;
    private final SessionStore store;
    private final VerificationUrls urls;
    private final Clock clock;

    SessionResumption(SessionLookup lookup, SessionStore store, VerificationUrls urls, Clock clock) {
        this.lookup = lookup;
        this.store = store;
        this.urls = urls;
        this.clock = clock;
    }

    /**
     * @throws SessionConflictException {@code session_final} for a final session, {@code session_expired} for
     *         one past its {@code expiresAt}
     */
    public ResumedSession resume(String sessionId, Caller caller) {
        String id = lookup.checkAccess(sessionId, caller);
        SessionRecord session = store.find(id).orElseThrow(() -> new SessionNotFoundException("id"));
        if (!session.unfinished()) {
            LOG.infof("session.resume.refused sessionId=%s flow=%s status=%s", id, session.flow(), session.status());
            throw SessionConflictException.finalSession(session.status());
        }
        if (!clock.instant().isBefore(session.expiresAt())) {
            LOG.infof("session.resume.refused sessionId=%s flow=%s status=%s expiresAt=%s", id, session.flow(),
                    session.status(), session.expiresAt());
            throw SessionConflictException.expired();
        }
        LOG.infof("session.resumed sessionId=%s flow=%s caller=%s", id, session.flow(), caller.name());
        return new ResumedSession(id, urls.verificationUrl(session), session.expiresAt());
    }
}
