package io.flowgate.flow.callback;

import io.flowgate.client.UpstreamException;
import io.flowgate.config.FlowgateConfig;
import io.flowgate.flow.result.ResultCollection;
import io.flowgate.logging.LogContext;
import io.flowgate.store.ConcurrentUpdateException;
import io.flowgate.store.SessionRecord;
import io.flowgate.store.SessionStatus;
import io.flowgate.store.SessionStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * The browser's return from the vendor: checks the signed state, collects the result within the
 * callback's budget, and says where the browser goes next. Never fails on the vendor: a result not
 * in time is {@code pending}, and the sweep or a later collectResult finishes the job. A session its integrator
 * cancelled is neither collected nor sent on: the browser is told it was cancelled.
 */
@ApplicationScoped
public class BrowserReturn {

    private static final Logger LOG = Logger.getLogger(BrowserReturn.class);

    private final StateTokens stateTokens;
    private final SessionStore store;
    private final ResultCollection collection;
    private final ManagedExecutor executor;
    private final FlowgateConfig config;

    BrowserReturn(StateTokens stateTokens, SessionStore store, ResultCollection collection, ManagedExecutor executor,
            FlowgateConfig config) {
        this.stateTokens = stateTokens;
        this.store = store;
        this.collection = collection;
        this.executor = executor;
        this.config = config;
    }

    /** Where a returning browser goes. */
    public sealed interface Outcome {
        /** The state was tampered with, malformed, or names no stored session. */
        record Invalid(String locale) implements Outcome {
        }

        /** The state was genuine but is past its expiry. */
        record Expired(String locale) implements Outcome {
        }

        /** The integrator cancelled the session: show that, whatever the vendor holds and whatever the return URL. */
        record Cancelled(String sessionId, String locale) implements Outcome {
        }

        /** Send the browser on with the coarse status, or show it when there is no return URL. */
        record Returned(String sessionId, String status, Optional<URI> redirect, String locale) implements Outcome {
        }
    }

    public Outcome handle(String state) {
        StateCheck check = stateTokens.verify(state);
        if (check instanceof StateCheck.Valid valid) {
            return returned(valid.sessionId());
        }
        if (check instanceof StateCheck.Expired expired) {
            return new Outcome.Expired(locale(expired.sessionId()));
        }
        return new Outcome.Invalid(config.defaultLocale());
    }

    private Outcome returned(String sessionId) {
        Optional<SessionRecord> stored = store.find(sessionId);
        if (stored.isEmpty()) {
            return new Outcome.Invalid(config.defaultLocale());
        }
        LogContext.session(sessionId, stored.get().flow());
        if (stored.get().status() == SessionStatus.CANCELLED) {
            LOG.infof("callback.returned sessionId=%s status=%s", sessionId, CoarseStatus.CANCELLED);
            return new Outcome.Cancelled(sessionId, stored.get().locale());
        }
        SessionRecord session = collectWithinBudget(stored.get());
        String status = CoarseStatus.of(session.status());
        if (CoarseStatus.CANCELLED.equals(status)) {
            LOG.infof("callback.returned sessionId=%s status=%s", sessionId, status);
            return new Outcome.Cancelled(sessionId, session.locale());
        }
        LOG.infof("callback.returned sessionId=%s status=%s", sessionId, status);
        return new Outcome.Returned(sessionId, status, Optional.ofNullable(session.returnUrl())
                .map(url -> withStatus(url, sessionId, status)), session.locale());
    }

    private SessionRecord collectWithinBudget(SessionRecord session) {
        CompletableFuture<SessionRecord> collecting = executor.supplyAsync(() -> collection.collect(session.sessionId()));
        try {
            return collecting.get(config.callback().collectBudget().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warnf("callback.collect.slow sessionId=%s budgetMs=%d", session.sessionId(),
                    config.callback().collectBudget().toMillis());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof UpstreamException || e.getCause() instanceof ConcurrentUpdateException)) {
                throw new IllegalStateException("Collecting the result failed", e.getCause());
            }
            LOG.warnf("callback.collect.failed sessionId=%s reason=%s", session.sessionId(),
                    e.getCause().getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return store.find(session.sessionId()).orElse(session);
    }

    private String locale(String sessionId) {
        return store.find(sessionId).map(SessionRecord::locale).orElse(config.defaultLocale());
    }

    private static URI withStatus(String returnUrl, String sessionId, String status) {
        String separator = returnUrl.contains("?") ? "&" : "?";
        return URI.create(returnUrl + separator + "session_id=" + encode(sessionId) + "&status=" + encode(status));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
