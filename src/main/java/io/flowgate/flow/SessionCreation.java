package io.flowgate.flow;

import io.flowgate.client.CreatedUpstreamSession;
import io.flowgate.client.FlowRemoteClient;
import io.flowgate.config.FlowgateConfig;
import io.flowgate.store.SessionRecord;
import io.flowgate.store.SessionStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
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
    private final FlowgateConfig.Session timing;
    private final Clock clock;

    SessionCreation(SessionRequestValidator validator, FlowRemoteClient vendor, SessionStore store,
            VerificationUrls urls, FlowgateConfig config, Clock clock) {
        this.validator = validator;
        this.vendor = vendor;
        this.store = store;
        this.urls = urls;
        this.timing = config.session();
        this.clock = clock;
    }

    public CreatedSession create(SessionRequest request) {
        ValidSessionRequest valid = validator.validate(request);
        CreatedUpstreamSession upstream = vendor.createSession(valid.apiKey(), UpstreamMetadata.of(valid));
        Instant createdAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant expiresAt = createdAt.plus(timing.lifetime());
        store.create(SessionRecord.created(upstream.sessionId(), valid.flow(), valid.reference().orElse(null),
                upstream.technologies(), createdAt, expiresAt, valid.returnUrl().map(Object::toString).orElse(null),
                valid.locale()));
        LOG.infof("session.created sessionId=%s flow=%s technologies=%s reference=%s", upstream.sessionId(),
                valid.flow(), String.join(",", upstream.technologies()), LogMask.reference(valid.reference()));
        String verificationUrl = urls.verificationUrl(upstream.sessionId(), valid.locale(),
                expiresAt.plus(timing.grace()));
        return new CreatedSession(upstream.sessionId(), upstream.technologies(), verificationUrl, expiresAt);
    }
}
