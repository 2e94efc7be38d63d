package io.flowgate.sandbox;

import io.flowgate.config.FlowgateConfig;
import io.flowgate.config.SandboxConfig;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The sandbox's own HTTP server on {@code flowgate.sandbox.port}: the vendor's API and hosted flow
 * page. Its own server, not Quarkus routes, because the Lambda mock event server answers one event at
 * a time and a function calling back into it would wait for itself. Every handler is non-blocking
 * (the state is in memory), so all of them run on the event loop.
 */
@Startup
@Singleton
@IfBuildProperty(name = "flowgate.sandbox.enabled", stringValue = "true")
public class SandboxServer {

    private static final Logger LOG = Logger.getLogger(SandboxServer.class);
    private static final long BODY_LIMIT = 16L * 1024 * 1024;
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(30);

    private final Vertx vertx;
    private final SandboxConfig config;
    private final SandboxFlows flows;
    private final SandboxSessions sessions;
    private final RequestRecorder recorder;
    private final FaultPlan faults;
    private final FakeVideo video;
    private volatile HttpServer server;

    SandboxServer(Vertx vertx, FlowgateConfig config, SandboxFlows flows, SandboxSessions sessions,
            RequestRecorder recorder, FaultPlan faults, FakeVideo video) {
        this.vertx = vertx;
        this.config = config.sandbox();
        this.flows = flows;
        this.sessions = sessions;
        this.recorder = recorder;
        this.faults = faults;
        this.video = video;
    }

    @PostConstruct
    void start() throws Exception {
        server = vertx.createHttpServer()
                .requestHandler(router())
                .listen(config.port(), config.host())
                .toCompletionStage().toCompletableFuture()
                .get(STARTUP_WAIT.toSeconds(), TimeUnit.SECONDS);
        LOG.infof("Sandbox of the vendor API listening on http://%s:%d", config.host(), server.actualPort());
    }

    void stop(@Observes ShutdownEvent event) throws Exception {
        HttpServer running = server;
        server = null;
        if (running != null) {
            running.close().toCompletionStage().toCompletableFuture().get(STARTUP_WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /** The port actually bound (the configured one). */
    public int port() {
        HttpServer running = server;
        return running == null ? config.port() : running.actualPort();
    }

    private Router router() {
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT)).handler(this::recordAndLog);

        FaultInjector injector = new FaultInjector(vertx, faults);
        SessionAccess access = new SessionAccess(sessions);
        CreateSessionHandler create = new CreateSessionHandler(flows, sessions);
        ResultHandler result = new ResultHandler(access);
        VideoHandler download = new VideoHandler(access, video);
        router.post(Endpoint.CREATE.path()).handler(exactPath(Endpoint.CREATE))
                .handler(injector.on(Endpoint.CREATE))
                .handler(create::handle);
        router.get(Endpoint.RESULT.path()).handler(exactPath(Endpoint.RESULT))
                .handler(injector.on(Endpoint.RESULT))
                .handler(result::handle);
        router.get(Endpoint.VIDEO.path()).handler(exactPath(Endpoint.VIDEO))
                .handler(injector.on(Endpoint.VIDEO))
                .handler(download::handle);

        FlowPageHandler page = new FlowPageHandler(sessions);
        router.get("/sandbox/flow/:sessionId").handler(page::show);
        router.post("/sandbox/flow/:sessionId").handler(page::submit);

        router.errorHandler(404, Replies::notFoundPage);
        router.errorHandler(405, ctx -> Replies.detail(ctx, 405,
                "Method \"" + ctx.request().method().name() + "\" not allowed."));
        router.errorHandler(413, ctx -> Replies.detail(ctx, 413, "Request body too large."));
        router.errorHandler(500, ctx -> {
            LOG.error("Sandbox failed on a request", ctx.failure());
            Replies.detail(ctx, 500, "A server error occurred.");
        });
        return router;
    }

    private void recordAndLog(RoutingContext ctx) {
        LOG.debugf("%s %s", ctx.request().method(), ctx.request().path());
        recorder.record(ctx);
        ctx.next();
    }

    /** The vendor's paths end with a slash and a path without it must not reach the handler. */
    private static Handler<RoutingContext> exactPath(Endpoint endpoint) {
        return ctx -> {
            if (ctx.request().path().equals(endpoint.path())) {
                ctx.next();
            } else {
                Replies.notFoundPage(ctx);
            }
        };
    }
}
