package io.flowgate.client;

import io.flowgate.client.UpstreamUnavailableException.Reason;
import io.flowgate.client.generated.api.DefaultApi;
import io.flowgate.client.generated.model.CreateSessionRequest;
import io.flowgate.client.generated.model.CreateSessionResponse;
import io.flowgate.client.generated.model.SessionMetadata;
import io.flowgate.client.generated.model.SessionResult;
import io.flowgate.config.FlowgateConfig;
import io.flowgate.config.UpstreamConfig;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.quarkus.tls.TlsConfiguration;
import io.quarkus.tls.TlsConfigurationRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * The only way to the vendor. Wraps the REST Client generated from {@code src/main/openapi},
 * with the base URL, timeouts and TLS configuration from {@code flowgate.upstream}, gives each attempt at most
 * what is left of the invocation's budget ({@link UpstreamRetry}), and turns every failure into an
 * {@link UpstreamException}. The API key travels in the request only: the generated models print
 * it in {@code toString()}, so they are never logged, and the request URL (which carries the key
 * for GETs) is never logged either.
 */
@ApplicationScoped
public class FlowRemoteClient {

    private static final Logger LOG = Logger.getLogger(FlowRemoteClient.class);

    private final DefaultApi api;
    private final VideoDownloadApi videoApi;
    private final UpstreamRetry retry;
    private final ManagedExecutor executor;
    private final UpstreamCallListener listener;
    private final VendorCallTracing tracing;

    FlowRemoteClient(FlowgateConfig config, TlsConfigurationRegistry tlsRegistry, ManagedExecutor executor,
            UpstreamCallListener listener, VendorCallTracing tracing) {
        this.executor = executor;
        this.listener = listener;
        this.tracing = tracing;
        UpstreamConfig upstream = config.upstream();
        this.retry = new UpstreamRetry(upstream, duration -> Thread.sleep(duration.toMillis()),
                () -> ThreadLocalRandom.current().nextDouble(), System::nanoTime);
        Optional<TlsConfiguration> tls = tlsConfiguration(upstream.tlsConfigurationName(), tlsRegistry);
        this.api = builder(upstream, tls).build(DefaultApi.class);
        this.videoApi = builder(upstream, tls).register(new VideoConnectionDrop()).build(VideoDownloadApi.class);
    }

    private static QuarkusRestClientBuilder builder(UpstreamConfig upstream, Optional<TlsConfiguration> tls) {
        QuarkusRestClientBuilder builder = QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(upstream.apiUrl()))
                .connectTimeout(upstream.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(upstream.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
        tls.ifPresent(builder::tlsConfiguration);
        return builder;
    }

    /**
     * The TLS configuration named by {@code flowgate.upstream.tls-configuration-name}, else the default one when
     * {@code quarkus.tls.*} configures it; empty: the JVM's default trust. (A client built in code is given
     * neither by Quarkus.)
     */
    static Optional<TlsConfiguration> tlsConfiguration(Optional<String> name, TlsConfigurationRegistry registry) {
        Optional<TlsConfiguration> named = TlsConfiguration.from(registry, name);
        return named.isPresent() ? named : registry.getDefault();
    }

    /** Creates a session of the flow whose key is given; {@code metadata} may be null. */
    public CreatedUpstreamSession createSession(String apiKey, SessionMetadata metadata) {
        CreateSessionRequest request = new CreateSessionRequest().apiKey(apiKey).metadata(metadata);
        CreateSessionResponse response = call(UpstreamOperation.CREATE_SESSION, () -> api.createSession(request));
        if (response == null || isBlank(response.getSessionId()) || response.getTechnologies() == null) {
            throw malformed(UpstreamOperation.CREATE_SESSION);
        }
        if (!VendorSessionIds.isSafe(response.getSessionId())) {
            LOG.errorf("upstream.session-id.refused length=%d: the vendor created a session whose id is not %s; "
                    + "it is neither stored nor used", response.getSessionId().length(), VendorSessionIds.RULE);
            throw malformed(UpstreamOperation.CREATE_SESSION);
        }
        return new CreatedUpstreamSession(response.getSessionId(), List.copyOf(response.getTechnologies()));
    }

    /** The results of the technologies passed so far in the session. */
    public UpstreamResult fetchResult(String sessionId, String apiKey) {
        SessionResult result = call(UpstreamOperation.GET_RESULT, () -> api.getSessionResult(sessionId, apiKey));
        if (result == null || isBlank(result.getId())) {
            throw malformed(UpstreamOperation.GET_RESULT);
        }
        return UpstreamResults.normalise(result);
    }

    /**
     * Opens the liveness recording as a stream, with its content type and length when the vendor gives them;
     * the caller must close it. Only opening is retried: once bytes flow, a broken stream is the reader's.
     */
    public UpstreamVideo openVideo(String sessionId, String apiKey) {
        Response response = call(UpstreamOperation.DOWNLOAD_VIDEO, () -> opening(sessionId, apiKey)
                .invoke(answer -> {
                    if (answer.getStatus() != 200) {
                        int status = answer.getStatus();
                        answer.close();
                        throw UpstreamErrors.fromStatus(UpstreamOperation.DOWNLOAD_VIDEO, status, null);
                    }
                }));
        InputStream body = response.readEntity(InputStream.class);
        if (body == null) {
            response.close();
            throw malformed(UpstreamOperation.DOWNLOAD_VIDEO);
        }
        MediaType type = response.getMediaType();
        int length = response.getLength();
        return new UpstreamVideo(body, type == null ? UpstreamVideo.UNKNOWN_TYPE : type.toString(),
                length >= 0 ? OptionalLong.of(length) : OptionalLong.empty());
    }

    /**
     * The blocking download (the only way the REST Client streams a body unbuffered), on a worker thread so that the
     * attempt can be given up at its timeout; an answer that comes after that is closed.
     */
    private Uni<Response> opening(String sessionId, String apiKey) {
        return Uni.createFrom().deferred(() -> {
            CompletableFuture<Response> opening = executor.supplyAsync(() -> videoApi.download(sessionId, apiKey));
            return Uni.createFrom().completionStage(opening)
                    .onCancellation().invoke(() -> opening.thenAccept(Response::close));
        });
    }

    private <T> T call(UpstreamOperation operation, Supplier<Uni<T>> request) {
        int[] attempts = {0};
        try {
            return retry.run(operation, timeout -> attempt(operation, request, timeout, ++attempts[0]));
        } finally {
            tracing.flush();
        }
    }

    /**
     * Attempt number {@code number}, given up after {@code timeout} (the REST Client's own timeouts apply as well),
     * as a span of its own.
     */
    private <T> T attempt(UpstreamOperation operation, Supplier<Uni<T>> request, Duration timeout, int number) {
        long started = System.nanoTime();
        VendorCallTracing.Attempt span = tracing.start(operation, number);
        try {
            T answer = request.get().await().atMost(timeout);
            long elapsedMs = elapsedMs(started);
            LOG.debugf("upstream.call operation=%s outcome=ok elapsedMs=%d", operation, elapsedMs);
            listener.called(operation, "ok", false, elapsedMs);
            // the video's answer is checked to be a 200 above; the other answers are any 2xx the client accepts
            span.ok(operation == UpstreamOperation.DOWNLOAD_VIDEO ? 200 : 0);
            return answer;
        } catch (RuntimeException failure) {
            UpstreamException error = UpstreamErrors.from(operation, failure);
            LOG.debugf("upstream.failure operation=%s causes=%s", operation, UpstreamErrors.causeClasses(failure));
            long elapsedMs = elapsedMs(started);
            String outcome = outcome(error);
            LOG.warnf("upstream.call operation=%s outcome=%s upstreamStatus=%d elapsedMs=%d", operation, outcome,
                    error.upstreamStatus(), elapsedMs);
            listener.called(operation, outcome, vendorFault(error), elapsedMs);
            span.failed(outcome, error.upstreamStatus());
            throw error;
        }
    }

    /** The outcome in the log line and the metrics alike: snake_case, a closed set (see {@link UpstreamCallListener}). */
    private static String outcome(UpstreamException error) {
        if (error instanceof UpstreamUnavailableException unavailable) {
            return unavailable.reason().name().toLowerCase();
        }
        if (error instanceof UpstreamKeyRejectedException) {
            return "key_rejected";
        }
        return error instanceof UpstreamSessionUnknownException ? "session_unknown" : "request_rejected";
    }

    private static boolean vendorFault(UpstreamException error) {
        return error instanceof UpstreamUnavailableException || error instanceof UpstreamKeyRejectedException;
    }

    private static UpstreamUnavailableException malformed(UpstreamOperation operation) {
        return new UpstreamUnavailableException(operation, Reason.MALFORMED_RESPONSE, 200);
    }

    private static long elapsedMs(long started) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
