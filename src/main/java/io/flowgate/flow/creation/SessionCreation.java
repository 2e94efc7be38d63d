package io.flowgate.flow.creation;

import io.flowgate.client.CreatedUpstreamSession;
import io.flowgate.client.FlowRemoteClient;
import io.flowgate.config.FlowgateConfig;
import io.flowgate.config.SessionConfig;
import io.flowgate.flow.callback.VerificationUrls;
import io.flowgate.flow.metrics.Metrics;
import io.flowgate.flow.session.Caller;
import io.flowgate.logging.LogContext;
import io.flowgate.store.SessionRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.logging.Logger;

/** Creates a verification session: checks the request, creates it at the vendor, keeps a record. */
@ApplicationScoped
public class SessionCreation {

    private static final Logger LOG = Logger.getLogger(SessionCreation.class);

    private final SessionRequestValidator validator;
    private final FlowRemoteClient vendor;
    private final VerificationUrls urls;
    private final SessionConfig timing;
    private final Duration firstCollectAfter;
    private final Clock clock;
    private final ReferenceHolds references;
    private final SessionRecorder recorder;
    private final LogMask mask;
    private final Metrics metrics;

    SessionCreation(SessionRequestValidator validator, FlowRemoteClient vendor,
            VerificationUrls urls, FlowgateConfig config, Clock clock, ReferenceHolds references,
            SessionRecorder recorder, LogMask mask, Metrics metrics) {
        this.metrics = metrics;
        this.mask = mask;
        this.references = references;
        this.recorder = recorder;
        this.validator = validator;
        this.vendor = vendor;
        this.urls = urls;
        this.timing = config.session();
        this.firstCollectAfter = config.sweep().olderThan();
        this.clock = clock;
    }

    /**
     * Creates a session, or, for a reference this caller already holds with the same request, answers with its
     * session (see {@link ReferenceHolds}). The vendor's session id is logged ({@code session.created}) as soon as
     * the vendor answers, before anything else can fail, and its record is written with retries
     * ({@link SessionRecorder}).
     */
    public CreatedSession create(SessionRequest request, Caller caller) {
        ValidSessionRequest valid = validator.validate(request, caller);
        SessionRecord session = valid.reference().isPresent()
                ? references.once(caller.name(), valid.reference().get(), valid, () -> atVendor(valid, caller))
                : recorder.record(atVendor(valid, caller));
        String verificationUrl = urls.verificationUrl(session);
        return new CreatedSession(session.sessionId(), session.technologies(), verificationUrl, session.expiresAt());
    }

    /**
     * Creates the session at the vendor (paid from here on) and returns its record, not yet stored. The record keeps
     * the caller's interchangeable technologies as one group: they decide when the session is complete.
     */
    private SessionRecord atVendor(ValidSessionRequest valid, Caller caller) {
        CreatedUpstreamSession upstream = vendor.createSession(valid.apiKey(), UpstreamMetadata.of(valid));
        LogContext.session(upstream.sessionId(), valid.flow());
        LOG.infof("session.created sessionId=%s flow=%s caller=%s technologies=%s reference=%s%s",
                upstream.sessionId(), valid.flow(), caller.name(), String.join(",", upstream.technologies()),
                mask.reference(valid.reference()), mask.prefill(valid));
        metrics.sessionCreated(valid.flow());
        Instant createdAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<List<String>> interchangeable = valid.interchangeableTech().isEmpty()
                ? List.of()
                : List.of(valid.interchangeableTech());
        return SessionRecord.created(upstream.sessionId(), valid.flow(), caller.name(),
                valid.reference().orElse(null), upstream.technologies(), interchangeable, createdAt,
                createdAt.plus(timing.lifetime()), valid.returnUrl().map(Object::toString).orElse(null), valid.locale(),
                createdAt.plus(firstCollectAfter), valid.metadata());
    }
}
