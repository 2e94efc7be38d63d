package io.flowgate.client;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The X-Ray trace header of the invocation in progress, as the parent of the vendor call spans, so that they join
 * the trace that Lambda's active tracing starts. Lambda hands it to the runtime in {@code Lambda-Runtime-Trace-Id}
 * ({@code Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1}); Quarkus' Lambda runtime puts
 * it in the system property {@code com.amazonaws.xray.traceHeader} before each invocation (the custom runtime
 * {@code provided.al2023} has no {@code _X_AMZN_TRACE_ID}, which is read as well, for the managed Java runtime).
 * An X-Ray trace id is the OpenTelemetry one with its dashes removed.
 */
final class LambdaTraceHeader {

    static final String PROPERTY = "com.amazonaws.xray.traceHeader";
    static final String VARIABLE = "_X_AMZN_TRACE_ID";

    private static final Pattern ROOT = Pattern.compile("(?:^|;)\\s*Root=1-([0-9a-f]{8})-([0-9a-f]{24})\\s*(?:;|$)");
    private static final Pattern PARENT = Pattern.compile("(?:^|;)\\s*Parent=([0-9a-f]{16})\\s*(?:;|$)");
    private static final Pattern SAMPLED = Pattern.compile("(?:^|;)\\s*Sampled=([01])\\s*(?:;|$)");

    private LambdaTraceHeader() {
    }

    /** The current invocation's parent, when the runtime was given a complete header. */
    static Optional<SpanContext> current() {
        String header = System.getProperty(PROPERTY);
        return parse(header != null ? header : System.getenv(VARIABLE));
    }

    /** The remote parent a header names: empty unless it has a root, a parent and a sampling decision. */
    static Optional<SpanContext> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher root = ROOT.matcher(header);
        Matcher parent = PARENT.matcher(header);
        Matcher sampled = SAMPLED.matcher(header);
        if (!root.find() || !parent.find() || !sampled.find()) {
            return Optional.empty();
        }
        SpanContext context = SpanContext.createFromRemoteParent(root.group(1) + root.group(2), parent.group(1),
                sampled.group(1).equals("1") ? TraceFlags.getSampled() : TraceFlags.getDefault(),
                TraceState.getDefault());
        return context.isValid() ? Optional.of(context) : Optional.empty();
    }
}
