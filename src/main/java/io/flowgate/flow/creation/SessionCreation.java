package io.flowgate.flow.creation;

import io.flowgate.flow.callback.VerificationUrls;
import io.flowgate.flow.session.Caller;
import io.flowgate.client.CreatedUpstreamSession;
import io.flowgate.client.FlowRemoteClient;
import io.flowgate.config.FlowgateConfig;
import io.flowgate.config.SessionConfig;
import io.flowgate.store.SessionRecord;
import io.flowgate.store.SessionStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jboss.logging.Logger;

/** Creates a verification session: checks the request, creates it at the vendor, keeps a record. */
@ApplicationScoped
public class SessionCreation {

    private static final Logger LOG = Logger.getLogger(SessionCreation.class);

    private final SessionRequestValidator validator;
    private final FlowRemoteClient vendor;
    private final SessionStore store;
    private final VerificationUrls urls;
    private final SessionConfig timing;
    private final Duration firstCollectAfter;
    private final Clock clock;
    private final ReferenceHolds references;

    SessionCreation(SessionRequestValidator validator, FlowRemoteClient vendor, SessionStore store,
            VerificationUrls urls, FlowgateConfig config, Clock clock, ReferenceHolds references) {
        this.references = references;
        this.validator = validator;
        this.vendor = vendor;
        this.store = store;
        this.urls = urls;
        this.timing = config.session();
        this.firstCollectAfter = config.sweep().olderThan();
        this.clock = clock;
    }

    /**
     * Creates a session, or, for a reference already held by the same request, answers with its session
     * (see {@link ReferenceHolds}).
     */
    public CreatedSession create(SessionRequest request, Caller caller) {
        ValidSessionRequest valid = validator.validate(request, caller);
        SessionRecord session = valid.reference().isPresent()
                ? references.once(valid.reference().get(), valid, () -> createAtVendor(valid, caller))
                : createAtVendor(valid, caller);
        String verificationUrl = urls.verificationUrl(session.sessionId(), session.locale(),
                session.expiresAt().plus(timing.grace()));
        return new CreatedSession(session.sessionId(), session.technologies(), verificationUrl, session.expiresAt());
    }

    private SessionRecord createAtVendor(ValidSessionRequest valid, Caller caller) {
        CreatedUpstreamSession upstream = vendor.createSession(valid.apiKey(), UpstreamMetadata.of(valid));
        Instant createdAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        SessionRecord session = SessionRecord.created(upstream.sessionId(), valid.flow(), caller.name(),
                valid.reference().orElse(null), upstream.technologies(), createdAt, createdAt.plus(timing.lifetime()),
                valid.returnUrl().map(Object::toString).orElse(null), valid.locale(), createdAt.plus(firstCollectAfter));
        store.create(session);
        LOG.infof("session.created sessionId=%s flow=%s technologies=%s reference=%s%s", upstream.sessionId(),
                valid.flow(), String.join(",", upstream.technologies()), LogMask.reference(valid.reference()),
                LogMask.prefill(valid));
        return session;
    }
}
