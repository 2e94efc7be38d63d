import io.flowgate.testsupport.Tokens;
import io.flowgate.testsupport.lambda.ApiGatewayEvents;
import io.flowgate.testsupport.lambda.PackagedFunction;
import io.flowgate.testsupport.lambda.RuntimeApiEmulator;
import io.flowgate.testsupport.lambda.SsmStandIn;
import io.flowgate.testsupport.lambda.StubVendor;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * flowgate's cold-start benchmark: a benchmark, not a test (CI does not run it). Run it through
 * bench/cold-start.sh, which builds what it needs; by itself, after ./mvnw package:
 *
 * <pre>java -cp "target/test-classes:target/lib/*" bench/ColdStart.java --mode jvm|native|node [--runs 5] [--warm 200]
 *     [--memory 1024] [--java PATH] [--jvm-opts "..."] [--label NAME] [--target DIR] [--runner-jar-cp] [--ssm] [--tracing]</pre>
 *
 * For each run it starts a fresh function process the way Lambda does: for the JVM build AWS's
 * runtime interface client (target/lambda-ric/, copied there by the build) with Quarkus' handler on the
 * packaged jars; for the native build function.zip's bootstrap (which starts the executable); for the Node.js
 * baseline (bench/node-baseline: the vendor's JavaScript sample as a handler, createSession only, no callback)
 * node with a minimal runtime loop. Everything listens on 127.0.0.1
 * only, the Lambda emulation shared with the integration tests and the load benchmark
 * (src/test/java/io/flowgate/testsupport/lambda):
 * <ul>
 * <li>an emulation of the Lambda Runtime API (next / response / error / init error) that hands out
 * API Gateway HTTP API (payload 2.0) events;</li>
 * <li>a stub vendor answering the session creation and the session result;</li>
 * <li>with {@code --ssm}, a stand-in of SSM Parameter Store holding the secrets (state secret, flow key, caller token
 * hash) as serverless.yml deploys them: the function reads them at startup ({@code FLOWGATE_SSM_PATH}) instead of
 * finding them in its environment, and the run reports how long that read took ({@code config.ssm.read ... ms=}).</li>
 * <li>with {@code --tracing}, tracing switched on ({@code QUARKUS_OTEL_SDK_DISABLED=false}, docs/operations.md#tracing)
 * and a stand-in of the ADOT collector layer's OTLP/HTTP receiver that takes the vendor call spans and answers at once;
 * the run reports how many exports it received.</li>
 * </ul>
 * Per run: the cold start (process start until the first createSession response, its upstream
 * call included), the first callback, then {@code --warm} pairs of createSession + callback (each
 * callback on the session just created, so it really collects from the vendor), and the process'
 * peak RSS (VmHWM). It prints each run and the medians.
 */
public class ColdStart {

    static final long INVOKE_TIMEOUT_MS = 30_000;
    /** The integrator backend's token; the function is given only its SHA-256. */
    static final String TOKEN = "bench-caller-token-0123456789abcdef";

    // ---- API Gateway HTTP API (payload 2.0) events ----------------------------------------------

    static String createSessionEvent(int n) {
        return ApiGatewayEvents.jsonRequest("/createSession", "{\"flow\":\"individuals\",\"reference\":\"bench-" + n
                + "\",\"locale\":\"en\",\"returnUrl\":\"https://example.com/kyc/done\"}",
                Map.of("authorization", List.of(Tokens.bearer(TOKEN))));
    }

    static String callbackEvent(String state) {
        return ApiGatewayEvents.getRequest("/callback", "state=" + URLEncoder.encode(state, StandardCharsets.UTF_8));
    }

    /** The state token in a createSession answer's verificationUrl ({@code redirect=.../callback?state=...}). */
    static String stateOf(ApiGatewayEvents.Answer created) {
        URI verification = URI.create(created.json().path("verificationUrl").asText());
        String redirect = ApiGatewayEvents.queryParam(verification.getRawQuery(), "redirect");
        return ApiGatewayEvents.queryParam(URI.create(redirect).getRawQuery(), "state");
    }


    static ApiGatewayEvents.Answer expectStatus(String response, int expected, String what) {
        ApiGatewayEvents.Answer answer = ApiGatewayEvents.answer(response);
        if (answer.status() != expected) {
            throw new IllegalStateException(what + " answered " + answer.status() + ", expected " + expected + ": " + response);
        }
        return answer;
    }

    /** A stand-in of the ADOT collector layer's OTLP/HTTP receiver: answers every export at once, counts them. */
    static final class TraceCollector implements AutoCloseable {
        private final com.sun.net.httpserver.HttpServer server;
        private final java.util.concurrent.atomic.AtomicInteger exports = new java.util.concurrent.atomic.AtomicInteger();

        TraceCollector() throws IOException {
            server = com.sun.net.httpserver.HttpServer.create(
                    new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                try (exchange) {
                    exchange.getRequestBody().readAllBytes();
                    exports.incrementAndGet();
                    exchange.sendResponseHeaders(200, -1);
                }
            });
            server.start();
        }

        String endpoint() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        int exports() {
            return exports.get();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    // ---- one run: one fresh function process ---------------------------------------------------

    record RunResult(double coldMs, double initMs, double firstCallbackMs, double[] createMs, double[] callbackMs,
            long peakRssKb, double ssmReadMs) {}

    private static final Pattern SSM_READ = Pattern.compile("config\\.ssm\\.read .* ms=(\\d+)");

    static RunResult run(Options o, int runNo, Path logDir) throws Exception {
        try (RuntimeApiEmulator api = new RuntimeApiEmulator(INVOKE_TIMEOUT_MS); StubVendor vendor = new StubVendor();
                SsmStandIn ssm = new SsmStandIn(); TraceCollector collector = new TraceCollector()) {
            // the function's configuration, the Quarkus way; sessions in memory, so no DynamoDB is needed
            Map<String, String> env = new HashMap<>();
            env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(o.memoryMb));
            env.put("FLOWGATE_PUBLIC_BASE_URL", "https://bench.execute-api.eu-central-1.amazonaws.com");
            env.put("FLOWGATE_UPSTREAM_API_URL", vendor.apiUrl());
            env.put("FLOWGATE_UPSTREAM_FLOW_URL", vendor.flowUrl());
            env.put("FLOWGATE_AUTH_TOKENS_BACKEND_FLOWS", "*");
            env.put("FLOWGATE_STORE_TYPE", "memory");
            if (o.tracing) {
                env.put("QUARKUS_OTEL_SDK_DISABLED", "false");
                env.put("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", collector.endpoint());
            }
            Map<String, String> secrets = Map.of(
                    "state-secret", "bench-only-state-secret-0123456789abcdef",
                    "flows/individuals/api-key", "bench-individuals-key-000000000000000000",
                    "return-url/allowed", "https://example.com/",
                    "auth/tokens/backend/sha256", Tokens.sha256(TOKEN));
            if (o.ssm) {
                // as serverless.yml deploys it: the secrets under the stage's path, the role's credentials from Lambda
                secrets.forEach((name, value) -> ssm.putSecure("/flowgate/bench/" + name, value));
                env.put("FLOWGATE_SSM_PATH", "/flowgate/bench/");
                env.put("FLOWGATE_SSM_ENDPOINT_OVERRIDE", ssm.endpoint());
                env.put("AWS_ACCESS_KEY_ID", "ASIABENCH00000000000");
                env.put("AWS_SECRET_ACCESS_KEY", "bench-secret-access-key");
                env.put("AWS_SESSION_TOKEN", "bench-session-token");
            } else {
                secrets.forEach((name, value) -> env.put(
                        "FLOWGATE_" + name.toUpperCase(java.util.Locale.ROOT).replace('/', '_').replace('-', '_'), value));
            }

            // the first event is queued before the process starts, as Lambda does on a cold start
            RuntimeApiEmulator.Invocation first = api.enqueue(createSessionEvent(0));
            long start = System.nanoTime();
            if (o.mode.equals("node")) {
                env.put("VENDOR_API_URL", vendor.apiUrl());
                env.put("VENDOR_FLOW_URL", vendor.flowUrl());
                env.put("FLOW_API_KEY", "bench-individuals-key-000000000000000000");
            }
            try (FunctionProcess function = o.mode.equals("node")
                    ? NodeFunction.start(api.address(), env, logDir.resolve("run-" + runNo + ".log"))
                    : new Packaged(PackagedFunction.start(o.artifact, o.java, o.jvmOpts, api.address(), env,
                            logDir.resolve("run-" + runNo + ".log")))) {
                Process process = function.process();
                String firstAnswer = await(first, api, process);
                long firstDone = System.nanoTime();
                ApiGatewayEvents.Answer created = expectStatus(firstAnswer, 200, "the first createSession");
                double coldMs = (firstDone - start) / 1e6;
                double initMs = api.firstNextNanos() == 0 ? Double.NaN : (api.firstNextNanos() - start) / 1e6;

                // the Node.js baseline is createSession alone: it has no callback
                boolean callbacks = !o.mode.equals("node");
                long t = System.nanoTime();
                double firstCallbackMs = Double.NaN;
                if (callbacks) {
                    String cb = await(api.enqueue(callbackEvent(stateOf(created))), api, process);
                    firstCallbackMs = (System.nanoTime() - t) / 1e6;
                    expectStatus(cb, 303, "the first callback");
                }

                double[] create = new double[o.warm];
                double[] callback = new double[o.warm];
                for (int i = 0; i < o.warm; i++) {
                    t = System.nanoTime();
                    String answer = await(api.enqueue(createSessionEvent(i + 1)), api, process);
                    create[i] = (System.nanoTime() - t) / 1e6;
                    ApiGatewayEvents.Answer createdNow = expectStatus(answer, 200, "createSession");
                    if (!callbacks) {
                        callback[i] = Double.NaN;
                        continue;
                    }
                    String state = stateOf(createdNow);
                    t = System.nanoTime();
                    String back = await(api.enqueue(callbackEvent(state)), api, process);
                    callback[i] = (System.nanoTime() - t) / 1e6;
                    expectStatus(back, 303, "callback");
                }
                long peak = function.peakRssKb();
                if (vendor.createCalls() != o.warm + 1) {
                    throw new IllegalStateException("not every createSession called the vendor: " + vendor.createCalls());
                }
                if (callbacks && vendor.resultCalls() < o.warm + 1) {
                    throw new IllegalStateException("the callbacks did not all collect from the vendor: "
                            + vendor.resultCalls() + " result calls");
                }
                // with tracing on, each invocation flushes its vendor call span before answering
                if (o.tracing ? collector.exports() < o.warm + 1 : collector.exports() != 0) {
                    throw new IllegalStateException("tracing " + (o.tracing ? "on" : "off") + " but "
                            + collector.exports() + " exports reached the collector");
                }
                Matcher read = SSM_READ.matcher(function.output());
                return new RunResult(coldMs, initMs, firstCallbackMs, create, callback, peak,
                        read.find() ? Double.parseDouble(read.group(1)) : Double.NaN);
            } // SIGTERM: a JVM shuts down cleanly (and writes a CDS/AOT archive if asked to)
        }
    }

    static String await(RuntimeApiEmulator.Invocation invocation, RuntimeApiEmulator api, Process process) throws Exception {
        long deadline = System.currentTimeMillis() + INVOKE_TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline) {
            try {
                return invocation.answer().get(5, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                if (api.initError().isDone()) {
                    throw new IllegalStateException("init error: " + api.initError().get());
                }
                if (!process.isAlive()) {
                    throw new IllegalStateException("the function process exited with " + process.exitValue());
                }
            }
        }
        throw new IllegalStateException("no answer within " + INVOKE_TIMEOUT_MS + " ms");
    }

    // ---- statistics and report -----------------------------------------------------------------

    static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static double median(List<Double> values) {
        return percentile(values.stream().mapToDouble(Double::doubleValue).toArray(), 50);
    }

    // ---- options -------------------------------------------------------------------------------

    static final class Options {
        String mode = "jvm";
        int runs = 5;
        int warm = 200;
        int memoryMb = 1024;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> jvmOpts = new ArrayList<>();
        String label = "";
        Path target = Path.of("target");
        // the class path as Quarkus' own AppCDS archive (quarkus.package.jar.appcds.enabled) expects it: the
        // runner jar by its relative name from target/ (its manifest brings lib/), then the runtime interface client
        boolean runnerJarCp;
        // the secrets from a stand-in of SSM Parameter Store at startup instead of the environment
        boolean ssm;
        // tracing on, its spans to a stand-in of the collector layer
        boolean tracing;
        PackagedFunction.Artifact artifact;
    }

    static Options parse(String[] args) throws IOException {
        Options o = new Options();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--mode" -> o.mode = args[++i];
                case "--runs" -> o.runs = Integer.parseInt(args[++i]);
                case "--warm" -> o.warm = Integer.parseInt(args[++i]);
                case "--memory" -> o.memoryMb = Integer.parseInt(args[++i]);
                case "--java" -> o.java = args[++i];
                case "--jvm-opts" -> o.jvmOpts = value.isBlank() ? new ArrayList<>() : new ArrayList<>(List.of(value.trim().split("\\s+")));
                case "--label" -> o.label = args[++i];
                case "--target" -> o.target = Path.of(args[++i]);
                case "--runner-jar-cp" -> o.runnerJarCp = true;
                case "--ssm" -> o.ssm = true;
                case "--tracing" -> o.tracing = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
            if (args[i].equals("--jvm-opts")) {
                i++;
            }
        }
        if (o.runs < 1 || o.runs > 50 || o.warm < 0 || o.warm > 10_000) {
            throw new IllegalArgumentException("--runs 1..50, --warm 0..10000");
        }
        if (!List.of("jvm", "native", "node").contains(o.mode)) {
            throw new IllegalArgumentException("--mode jvm, native or node");
        }
        o.target = o.target.toAbsolutePath().normalize();
        if (o.mode.equals("node")) {
            return o;
        }
        o.artifact = PackagedFunction.Artifact.in(o.target);
        if (o.artifact.isNative() != o.mode.equals("native")) {
            throw new IllegalStateException("--mode " + o.mode + " but target/ holds a " + (o.artifact.isNative() ? "native" : "JVM")
                    + " build: ./mvnw package" + (o.mode.equals("native") ? " -Dnative" : ""));
        }
        if (o.runnerJarCp) {
            o.artifact = o.artifact.withRunnerJarByName();
        }
        return o;
    }

    public static void main(String[] args) throws Exception {
        Options o = parse(args);
        Path logDir = o.target.resolve("bench-logs").resolve(o.label.isEmpty() ? o.mode : o.label);
        Files.createDirectories(logDir);
        String jdk = switch (o.mode) {
            case "native" -> "native executable";
            case "node" -> "Node.js " + NodeFunction.version();
            default -> javaVersion(o.java);
        };
        System.out.printf("flowgate cold start [%s] mode=%s jdk=%s%n  flags: %s%n  %d runs, %d warm createSession+callback pairs each; memory %d MB; logs in %s%n",
                o.label, o.mode, jdk, o.mode.equals("jvm") ? (o.jvmOpts.isEmpty() ? "(JVM defaults)" : String.join(" ", o.jvmOpts)) : "-",
                o.runs, o.warm, o.memoryMb, logDir);
        List<Double> cold = new ArrayList<>(), init = new ArrayList<>(), firstCb = new ArrayList<>(), cP50 = new ArrayList<>(),
                cP99 = new ArrayList<>(), bP50 = new ArrayList<>(), bP99 = new ArrayList<>(), rss = new ArrayList<>(),
                ssmRead = new ArrayList<>();
        for (int r = 1; r <= o.runs; r++) {
            RunResult res = run(o, r, logDir);
            cold.add(res.coldMs());
            init.add(res.initMs());
            firstCb.add(res.firstCallbackMs());
            rss.add(res.peakRssKb() / 1024.0);
            ssmRead.add(res.ssmReadMs());
            double c50 = o.warm > 0 ? percentile(res.createMs(), 50) : Double.NaN, c99 = o.warm > 0 ? percentile(res.createMs(), 99) : Double.NaN;
            double b50 = o.warm > 0 ? percentile(res.callbackMs(), 50) : Double.NaN, b99 = o.warm > 0 ? percentile(res.callbackMs(), 99) : Double.NaN;
            cP50.add(c50);
            cP99.add(c99);
            bP50.add(b50);
            bP99.add(b99);
            System.out.printf("  run %d: cold %.0f ms (runtime ready %.0f ms%s), first callback %.1f ms, warm createSession p50 %.2f / p99 %.2f ms, warm callback p50 %.2f / p99 %.2f ms, peak RSS %.0f MB%n",
                    r, res.coldMs(), res.initMs(), o.ssm ? String.format("; SSM read %.0f ms", res.ssmReadMs()) : "",
                    res.firstCallbackMs(), c50, c99, b50, b99, res.peakRssKb() / 1024.0);
        }
        if (o.ssm) {
            System.out.printf("MEDIAN [%s]: SSM read at startup %.0f ms (config.ssm.read)%n", o.label, median(ssmRead));
        }
        System.out.printf("MEDIAN [%s]: cold start %.0f ms (process start -> first createSession answer, its vendor call included; runtime ready at %.0f ms), first callback %.1f ms, warm createSession p50 %.2f ms p99 %.2f ms, warm callback p50 %.2f ms p99 %.2f ms, peak RSS %.0f MB%n",
                o.label, median(cold), median(init), median(firstCb), median(cP50), median(cP99), median(bP50), median(bP99), median(rss));
    }

    // ---- the function's process ----------------------------------------------------------------

    /** One function process, however it was started. */
    interface FunctionProcess extends AutoCloseable {
        Process process();

        long peakRssKb() throws IOException;

        String output() throws IOException;

        @Override
        void close() throws InterruptedException;
    }

    /** flowgate's packaged function, as the integration tests start it. */
    record Packaged(PackagedFunction function) implements FunctionProcess {
        public Process process() {
            return function.process();
        }

        public long peakRssKb() throws IOException {
            return function.peakRssKb();
        }

        public String output() throws IOException {
            return function.output();
        }

        public void close() throws InterruptedException {
            function.close();
        }
    }

    /** The Node.js baseline (bench/node-baseline): its runtime loop and handler on this machine's node. */
    record NodeFunction(Process process, Path log) implements FunctionProcess {
        static final Path RUNTIME = Path.of("bench", "node-baseline", "runtime.mjs");

        static NodeFunction start(String runtimeApi, Map<String, String> configuration, Path log) throws IOException {
            ProcessBuilder builder = new ProcessBuilder("node", RUNTIME.toAbsolutePath().toString());
            Map<String, String> env = builder.environment();
            String path = env.get("PATH");
            env.clear();
            env.put("PATH", path == null ? "/usr/bin:/bin" : path);
            env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
            env.put("AWS_EXECUTION_ENV", "AWS_Lambda_nodejs20.x");
            env.put("NODE_ENV", "production");
            env.putAll(configuration);
            builder.redirectErrorStream(true).redirectOutput(log.toFile());
            return new NodeFunction(builder.start(), log);
        }

        static String version() throws Exception {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            try (InputStream in = p.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            }
        }

        public String output() throws IOException {
            return Files.readString(log);
        }

        public long peakRssKb() throws IOException {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            return -1;
        }

        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    static String javaVersion(String java) throws Exception {
        Process p = new ProcessBuilder(java, "-version").redirectErrorStream(true).start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        p.waitFor(10, TimeUnit.SECONDS);
        Matcher m = Pattern.compile("version \"([^\"]+)\"").matcher(out);
        String vm = out.lines().skip(1).findFirst().orElse("");
        return (m.find() ? m.group(1) : "?") + " (" + vm.trim() + ")";
    }
}
