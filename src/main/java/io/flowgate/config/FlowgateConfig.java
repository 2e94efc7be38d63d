package io.flowgate.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every setting of flowgate, under the prefix {@code flowgate}. Each key is also settable as an
 * environment variable the Quarkus way ({@code flowgate.flows.individuals.api-key} is
 * {@code FLOWGATE_FLOWS_INDIVIDUALS_API_KEY}). docs/configuration.md lists them all with their defaults;
 * each concern is an interface of its own ({@code FlowConfig}, {@code UpstreamConfig}, ...).
 */
@ConfigMapping(prefix = "flowgate")
public interface FlowgateConfig {

    /**
     * Which deployed function this process is ({@code FLOWGATE_FUNCTION}: {@code createSession}, {@code getResult},
     * {@code collectResult}, {@code callback}, {@code video}, {@code sweep}, {@code deliverWebhooks},
     * {@code listFailedWebhooks}, {@code resendWebhook}, {@code cancelSession}, {@code resumeSession} or
     * {@code listSessions}): it then serves only that function's route, any other path is answered 404. Unset (dev
     * mode, the tests, one server for everything): every route is served.
     */
    Optional<String> function();

    /** The flows callers may name, by name; each holds the vendor API key of that flow. At least one. */
    Map<String, FlowConfig> flows();

    /** Where the vendor is. */
    UpstreamConfig upstream();

    /** Who may call the integrator-facing functions. */
    AuthConfig auth();

    /** Direct invocations of the functions (not through API Gateway). */
    InvokeConfig invoke();

    /**
     * The public base URL at which this deployment of flowgate is reached (the API Gateway URL or a
     * custom domain), without a trailing slash; the browser comes back to {@code {public-base-url}/callback}.
     */
    String publicBaseUrl();

    /**
     * The secrets that sign the state token carried through the vendor's redirect (HMAC-SHA256), newest first,
     * comma-separated: tokens are signed with the first and accepted when signed with any, so that a secret can be
     * rotated while browsers are still on their way back. Each at least 32 characters. Secret: never logged.
     */
    List<String> stateSecret();

    /** The language of the hosted flow when the caller names none: {@code ru} or {@code en}. */
    @WithDefault("ru")
    String defaultLocale();

    /** Where the browser may be sent back to. */
    ReturnUrlConfig returnUrl();

    /** Session timing. */
    SessionConfig session();

    /** Limits on the reference photo for face-to-face. */
    PhotoConfig photo();

    /** Where sessions are kept. */
    StoreConfig store();

    /** The browser's return to flowgate. */
    CallbackConfig callback();

    /** How long an invocation may work: the time left for the answer. */
    BudgetConfig budget();

    /** Collecting sessions whose browser never came back. */
    SweepConfig sweep();

    /** Delivering the flows' webhooks: retries and timing (each flow's URL and secrets are under its own name). */
    WebhooksConfig webhooks();

    /** The liveness video: its optional archive in S3. */
    VideoConfig video();

    /** The metrics the functions write for CloudWatch (Embedded Metric Format). */
    MetricsConfig metrics();

    /** The vendor calls as OpenTelemetry spans, when tracing is on (docs/operations.md#tracing). */
    TracingConfig tracing();

    /** Where the secrets are read from at startup in AWS: SSM Parameter Store (docs/deployment.md). */
    SsmConfig ssm();

    /** The built-in emulator of the vendor (dev and test builds only). */
    SandboxConfig sandbox();

    /** The demo integrator pages (dev and test builds only). */
    DemoConfig demo();

}
