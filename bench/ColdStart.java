import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * flowgate's cold-start benchmark: a benchmark, not a test (CI does not run it). Run it through
 * bench/cold-start.sh, which builds and fetches what it needs; by itself:
 *
 * <pre>java bench/ColdStart.java --mode jvm|native [--runs 5] [--warm 200] [--memory 1024] [--java PATH]
 *     [--jvm-opts "..."] [--label NAME] [--target DIR] [--runner-jar-cp]</pre>
 * (BENCH_TRACE=1 prints every exchange with a timestamp.)
 *
 * For each run it starts a fresh function process the way Lambda does: for the JVM build AWS's
 * runtime interface client (target/bench-lib/) with Quarkus' handler on the packaged jars; for the
 * native build the target/*-runner executable. Everything listens on 127.0.0.1 only:
 * <ul>
 * <li>an emulation of the Lambda Runtime API (next / response / error / init error) that hands out
 * API Gateway HTTP API (payload 2.0) events;</li>
 * <li>a stub vendor answering the session creation and the session result.</li>
 * </ul>
 * Per run: the cold start (process start until the first createSession response, its upstream
 * call included), the first callback, then {@code --warm} pairs of createSession + callback (each
 * callback on the session just created, so it really collects from the vendor), and the process'
 * peak RSS (VmHWM). It prints each run and the medians.
 */
public class ColdStart {

    static final String HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";
    static final String RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    static final String FUNCTION_ARN = "arn:aws:lambda:eu-central-1:123456789012:function:flowgate-bench";
    static final long INVOKE_TIMEOUT_MS = 30_000;
    static final boolean TRACE = System.getenv("BENCH_TRACE") != null;
    static final long T0 = System.nanoTime();

    static {
        // TCP_NODELAY on our loopback servers: the JDK server writes headers and body separately, which with
        // Nagle's algorithm and delayed ACKs adds ~40 ms to every exchange and would swamp the warm figures
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    static void trace(String what) {
        if (TRACE) {
            System.out.printf("    %10.2f ms %s%n", (System.nanoTime() - T0) / 1e6, what);
        }
    }

    // ---- the Lambda Runtime API emulation ------------------------------------------------------

    record Invocation(String id, String event, CompletableFuture<String> answer) {}

    static final class RuntimeApi {
        final HttpServer server;
        final BlockingQueue<Invocation> queue = new LinkedBlockingQueue<>();
        final Map<String, Invocation> inFlight = new ConcurrentHashMap<>();
        final CompletableFuture<String> initError = new CompletableFuture<>();
        volatile long firstNextNanos;

        RuntimeApi() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
            server.setExecutor(Executors.newFixedThreadPool(4, daemon("runtime-api")));
            server.createContext("/2018-06-01/runtime/", this::handle);
            server.start();
        }

        int port() {
            return server.getAddress().getPort();
        }

        Invocation enqueue(String event) {
            Invocation invocation = new Invocation(UUID.randomUUID().toString(), event, new CompletableFuture<>());
            inFlight.put(invocation.id(), invocation);
            queue.add(invocation);
            return invocation;
        }

        void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                String method = exchange.getRequestMethod();
                byte[] body = exchange.getRequestBody().readAllBytes();
                if (method.equals("GET") && path.equals("/2018-06-01/runtime/invocation/next")) {
                    if (firstNextNanos == 0) {
                        firstNextNanos = System.nanoTime();
                    }
                    Invocation next = null;
                    // bounded long poll: the benchmark always ends, a runtime that is never fed gets a 500
                    for (int i = 0; i < 600 && next == null; i++) {
                        next = queue.poll(100, TimeUnit.MILLISECONDS);
                    }
                    if (next == null) {
                        send(exchange, 500, "{\"errorMessage\":\"no event\"}");
                        return;
                    }
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.getResponseHeaders().set("Lambda-Runtime-Aws-Request-Id", next.id());
                    exchange.getResponseHeaders().set("Lambda-Runtime-Deadline-Ms",
                            Long.toString(System.currentTimeMillis() + INVOKE_TIMEOUT_MS));
                    exchange.getResponseHeaders().set("Lambda-Runtime-Invoked-Function-Arn", FUNCTION_ARN);
                    exchange.getResponseHeaders().set("Lambda-Runtime-Trace-Id",
                            "Root=1-00000000-000000000000000000000000;Sampled=0");
                    trace("next -> " + next.id());
                    send(exchange, 200, next.event());
                    return;
                }
                if (method.equals("POST") && path.equals("/2018-06-01/runtime/init/error")) {
                    initError.complete(new String(body, StandardCharsets.UTF_8));
                    send(exchange, 202, "{\"status\":\"OK\"}");
                    return;
                }
                Matcher m = Pattern.compile("/2018-06-01/runtime/invocation/([^/]+)/(response|error)").matcher(path);
                if (method.equals("POST") && m.matches()) {
                    Invocation invocation = inFlight.remove(m.group(1));
                    if (invocation == null) {
                        send(exchange, 400, "{\"errorMessage\":\"unknown request id\"}");
                        return;
                    }
                    String text = new String(body, StandardCharsets.UTF_8);
                    trace(m.group(2) + " <- " + m.group(1) + " headers " + exchange.getRequestHeaders().entrySet());
                    if (m.group(2).equals("response")) {
                        invocation.answer().complete(text);
                    } else {
                        invocation.answer().completeExceptionally(new IllegalStateException("invocation error: " + text));
                    }
                    send(exchange, 202, "{\"status\":\"OK\"}");
                    return;
                }
                send(exchange, 404, "{\"errorMessage\":\"not found\"}");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void stop() {
            server.stop(0);
        }
    }

    // ---- the stub vendor -----------------------------------------------------------------------

    static final class StubVendor {
        final HttpServer server;
        final AtomicInteger creates = new AtomicInteger();
        final AtomicInteger results = new AtomicInteger();

        StubVendor() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
            server.setExecutor(Executors.newFixedThreadPool(2, daemon("stub-vendor")));
            server.createContext("/api/v1/flows/session/create/", exchange -> {
                try (exchange) {
                    exchange.getRequestBody().readAllBytes();
                    trace("vendor create " + exchange.getRequestHeaders().entrySet());
                    creates.incrementAndGet();
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    send(exchange, 201, "{\"session_id\":\"" + UUID.randomUUID() + "\",\"technologies\":[\"LD\",\"F2F\"]}");
                }
            });
            server.createContext("/api/v1/flows/session/result/", exchange -> {
                try (exchange) {
                    String query = String.valueOf(exchange.getRequestURI().getRawQuery());
                    Matcher m = Pattern.compile("(?:^|&)session_id=([^&]+)").matcher(query);
                    String id = m.find() ? URLDecoder.decode(m.group(1), StandardCharsets.UTF_8) : UUID.randomUUID().toString();
                    results.incrementAndGet();
                    trace("vendor result");
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    send(exchange, 200, "{\"id\":\"" + id + "\","
                            + "\"technologies\":[{\"name\":\"LD\",\"description\":\"Liveness\"},{\"name\":\"F2F\",\"description\":\"Face to face\"}],"
                            + "\"liveness_result\":{\"is_live\":true,\"score\":0.97},"
                            + "\"face2face_result\":{\"is_same_person\":true,\"similarity\":0.91}}");
                }
            });
            server.start();
        }

        int port() {
            return server.getAddress().getPort();
        }

        void stop() {
            server.stop(0);
        }
    }

    // ---- API Gateway HTTP API (payload 2.0) events ----------------------------------------------

    static String event(String method, String path, String rawQuery, String body) {
        long now = System.currentTimeMillis();
        String routeKey = method + " " + path;
        StringBuilder json = new StringBuilder(512);
        json.append("{\"version\":\"2.0\",\"routeKey\":\"").append(routeKey).append("\",")
                .append("\"rawPath\":\"").append(path).append("\",")
                .append("\"rawQueryString\":\"").append(rawQuery).append("\",")
                .append("\"headers\":{\"host\":\"bench.execute-api.eu-central-1.amazonaws.com\",")
                .append("\"user-agent\":\"flowgate-bench\",\"accept\":\"*/*\"")
                .append(body != null ? ",\"content-type\":\"application/json\"" : "").append("},");
        if (!rawQuery.isEmpty()) {
            json.append("\"queryStringParameters\":{");
            String sep = "";
            for (String pair : rawQuery.split("&")) {
                String[] kv = pair.split("=", 2);
                json.append(sep).append(jsonString(URLDecoder.decode(kv[0], StandardCharsets.UTF_8))).append(':')
                        .append(jsonString(kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : ""));
                sep = ",";
            }
            json.append("},");
        }
        json.append("\"requestContext\":{\"accountId\":\"123456789012\",\"apiId\":\"bench\",")
                .append("\"domainName\":\"bench.execute-api.eu-central-1.amazonaws.com\",\"domainPrefix\":\"bench\",")
                .append("\"http\":{\"method\":\"").append(method).append("\",\"path\":\"").append(path)
                .append("\",\"protocol\":\"HTTP/1.1\",\"sourceIp\":\"127.0.0.1\",\"userAgent\":\"flowgate-bench\"},")
                .append("\"requestId\":\"").append(UUID.randomUUID()).append("\",")
                .append("\"routeKey\":\"").append(routeKey).append("\",\"stage\":\"$default\",")
                .append("\"time\":\"28/Nov/2026:12:00:00 +0000\",\"timeEpoch\":").append(now).append("},");
        if (body != null) {
            json.append("\"body\":").append(jsonString(body)).append(',');
        }
        json.append("\"isBase64Encoded\":false}");
        return json.toString();
    }

    static String createSessionEvent(int n) {
        return event("POST", "/createSession", "", "{\"flow\":\"individuals\",\"reference\":\"bench-" + n
                + "\",\"locale\":\"en\",\"returnUrl\":\"https://example.com/kyc/done\"}");
    }

    static String callbackEvent(String state) {
        return event("GET", "/callback", "state=" + URLEncoder.encode(state, StandardCharsets.UTF_8), null);
    }

    static final Pattern STATUS = Pattern.compile("\"statusCode\"\\s*:\\s*(\\d+)");
    // in the response's body (a JSON string inside the JSON response): ...redirect=...%2Fcallback%3Fstate%3D<token>&...
    static final Pattern STATE = Pattern.compile("state%3D([A-Za-z0-9._~%-]+)");

    static String stateOf(String createResponse) {
        String text = createResponse.replace("\\u0026", "&").replace("\\/", "/");
        Matcher m = STATE.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no state token in the createSession answer: " + createResponse);
        }
        return URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
    }

    static void expectStatus(String response, int expected, String what) {
        Matcher m = STATUS.matcher(response);
        int status = m.find() ? Integer.parseInt(m.group(1)) : -1;
        if (status != expected) {
            throw new IllegalStateException(what + " answered " + status + ", expected " + expected + ": " + response);
        }
    }

    // ---- one run: one fresh function process ---------------------------------------------------

    record RunResult(double coldMs, double initMs, double firstCallbackMs, double[] createMs, double[] callbackMs,
            long peakRssKb) {}

    static RunResult run(Options o, int runNo, Path logDir) throws Exception {
        RuntimeApi api = new RuntimeApi();
        StubVendor vendor = new StubVendor();
        Process process = null;
        try {
            List<String> command = new ArrayList<>();
            if (o.mode.equals("native")) {
                command.add(o.nativeRunner.toString());
            } else {
                command.add(o.java);
                command.addAll(o.jvmOpts);
                command.add("-cp");
                command.add(o.classpath);
                command.add(RIC_MAIN);
                command.add(HANDLER);
            }
            ProcessBuilder pb = new ProcessBuilder(command);
            if (o.runnerJarCp) {
                pb.directory(o.target.toFile());
            }
            Map<String, String> env = pb.environment();
            env.keySet().removeIf(k -> k.startsWith("FLOWGATE_") || k.startsWith("QUARKUS_") || k.equals("JAVA_TOOL_OPTIONS")
                    || k.equals("_JAVA_OPTIONS") || k.equals("JDK_JAVA_OPTIONS"));
            env.put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + api.port());
            env.put("_HANDLER", HANDLER);
            env.put("AWS_LAMBDA_FUNCTION_NAME", "flowgate-bench-createSession");
            env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
            env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(o.memoryMb));
            env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/flowgate-bench");
            env.put("AWS_LAMBDA_LOG_STREAM_NAME", "bench/" + runNo);
            env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
            env.put("AWS_EXECUTION_ENV", o.mode.equals("native") ? "AWS_Lambda_provided.al2023" : "AWS_Lambda_java21");
            env.put("AWS_REGION", "eu-central-1");
            env.put("AWS_DEFAULT_REGION", "eu-central-1");
            env.put("LAMBDA_TASK_ROOT", o.taskRoot.toString());
            env.put("LAMBDA_RUNTIME_DIR", o.taskRoot.toString());
            env.put("TZ", ":UTC");
            // the function's configuration, the Quarkus way; sessions in memory, so no DynamoDB is needed
            env.put("FLOWGATE_PUBLIC_BASE_URL", "https://bench.execute-api.eu-central-1.amazonaws.com");
            env.put("FLOWGATE_STATE_SECRET", "bench-only-state-secret-0123456789abcdef");
            env.put("FLOWGATE_FLOWS_INDIVIDUALS_API_KEY", "bench-individuals-key-000000000000000000");
            env.put("FLOWGATE_UPSTREAM_API_URL", "http://127.0.0.1:" + vendor.port());
            env.put("FLOWGATE_UPSTREAM_FLOW_URL", "http://127.0.0.1:" + vendor.port() + "/flow");
            env.put("FLOWGATE_RETURN_URL_ALLOWED", "https://example.com/");
            env.put("FLOWGATE_STORE_TYPE", "memory");
            pb.redirectErrorStream(true);
            pb.redirectOutput(logDir.resolve("run-" + runNo + ".log").toFile());

            // the first event is queued before the process starts, as Lambda does on a cold start
            Invocation first = api.enqueue(createSessionEvent(0));
            long start = System.nanoTime();
            process = pb.start();
            String firstAnswer = await(first, api, process);
            long firstDone = System.nanoTime();
            expectStatus(firstAnswer, 200, "the first createSession");
            double coldMs = (firstDone - start) / 1e6;
            double initMs = api.firstNextNanos == 0 ? Double.NaN : (api.firstNextNanos - start) / 1e6;

            long t = System.nanoTime();
            String cb = await(api.enqueue(callbackEvent(stateOf(firstAnswer))), api, process);
            double firstCallbackMs = (System.nanoTime() - t) / 1e6;
            expectStatus(cb, 303, "the first callback");

            double[] create = new double[o.warm];
            double[] callback = new double[o.warm];
            for (int i = 0; i < o.warm; i++) {
                t = System.nanoTime();
                String answer = await(api.enqueue(createSessionEvent(i + 1)), api, process);
                create[i] = (System.nanoTime() - t) / 1e6;
                expectStatus(answer, 200, "createSession");
                String state = stateOf(answer);
                t = System.nanoTime();
                String back = await(api.enqueue(callbackEvent(state)), api, process);
                callback[i] = (System.nanoTime() - t) / 1e6;
                expectStatus(back, 303, "callback");
            }
            long peak = peakRssKb(process.pid());
            if (vendor.results.get() < o.warm + 1) {
                throw new IllegalStateException("the callbacks did not all collect from the vendor: "
                        + vendor.results.get() + " result calls");
            }
            return new RunResult(coldMs, initMs, firstCallbackMs, create, callback, peak);
        } finally {
            if (process != null) {
                process.destroy(); // SIGTERM: a JVM shuts down cleanly (and writes a CDS/AOT archive if asked to)
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
            api.stop();
            vendor.stop();
        }
    }

    static String await(Invocation invocation, RuntimeApi api, Process process) throws Exception {
        long deadline = System.currentTimeMillis() + INVOKE_TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline) {
            try {
                return invocation.answer().get(5, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                if (api.initError.isDone()) {
                    throw new IllegalStateException("init error: " + api.initError.get());
                }
                if (!process.isAlive()) {
                    throw new IllegalStateException("the function process exited with " + process.exitValue());
                }
            }
        }
        throw new IllegalStateException("no answer within " + INVOKE_TIMEOUT_MS + " ms");
    }

    static long peakRssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
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
        Path taskRoot;
        Path nativeRunner;
        String classpath;
        // the class path as Quarkus' own AppCDS archive (quarkus.package.jar.appcds.enabled) expects it: the
        // runner jar by its relative name from target/ (its manifest brings lib/), then the runtime interface client
        boolean runnerJarCp;
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
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
            if (args[i].equals("--jvm-opts")) {
                i++;
            }
        }
        if (o.runs < 1 || o.runs > 50 || o.warm < 0 || o.warm > 10_000) {
            throw new IllegalArgumentException("--runs 1..50, --warm 0..10000");
        }
        o.target = o.target.toAbsolutePath().normalize();
        o.taskRoot = o.target;
        if (o.mode.equals("native")) {
            try (var files = Files.list(o.target)) {
                o.nativeRunner = files.filter(p -> p.getFileName().toString().endsWith("-runner") && Files.isExecutable(p))
                        .findFirst().orElseThrow(() -> new IllegalStateException("no target/*-runner: build with -Dnative"));
            }
        } else if (o.mode.equals("jvm")) {
            List<String> cp = new ArrayList<>();
            try (var files = Files.list(o.target)) {
                cp.add(files.filter(p -> p.getFileName().toString().endsWith("-runner.jar")).findFirst()
                        .orElseThrow(() -> new IllegalStateException("no target/*-runner.jar: ./mvnw package -DskipTests")).toString());
            }
            if (o.runnerJarCp) {
                cp.set(0, Path.of(cp.get(0)).getFileName().toString());
            } else {
                cp.addAll(jars(o.target.resolve("lib")));
            }
            List<String> ric = jars(o.target.resolve("bench-lib"));
            if (ric.stream().noneMatch(j -> j.contains("aws-lambda-java-runtime-interface-client"))) {
                throw new IllegalStateException("no runtime interface client in target/bench-lib: run bench/cold-start.sh");
            }
            cp.addAll(ric);
            o.classpath = String.join(File.pathSeparator, cp);
        } else {
            throw new IllegalArgumentException("--mode jvm or native");
        }
        return o;
    }

    static List<String> jars(Path dir) throws IOException {
        List<String> jars = new ArrayList<>();
        try (var files = Files.list(dir)) {
            files.filter(p -> p.toString().endsWith(".jar")).map(Path::toString).forEach(jars::add);
        }
        Collections.sort(jars); // a stable order: a CDS/AOT archive requires the same class path
        return jars;
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    static String jsonString(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8).append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    public static void main(String[] args) throws Exception {
        Options o = parse(args);
        Path logDir = o.target.resolve("bench-logs").resolve(o.label.isEmpty() ? o.mode : o.label);
        Files.createDirectories(logDir);
        String jdk = o.mode.equals("native") ? "native executable" : javaVersion(o.java);
        System.out.printf("flowgate cold start [%s] mode=%s jdk=%s%n  flags: %s%n  %d runs, %d warm createSession+callback pairs each; memory %d MB; logs in %s%n",
                o.label, o.mode, jdk, o.mode.equals("jvm") ? (o.jvmOpts.isEmpty() ? "(JVM defaults)" : String.join(" ", o.jvmOpts)) : "-",
                o.runs, o.warm, o.memoryMb, logDir);
        List<Double> cold = new ArrayList<>(), init = new ArrayList<>(), firstCb = new ArrayList<>(), cP50 = new ArrayList<>(),
                cP99 = new ArrayList<>(), bP50 = new ArrayList<>(), bP99 = new ArrayList<>(), rss = new ArrayList<>();
        for (int r = 1; r <= o.runs; r++) {
            RunResult res = run(o, r, logDir);
            cold.add(res.coldMs());
            init.add(res.initMs());
            firstCb.add(res.firstCallbackMs());
            rss.add(res.peakRssKb() / 1024.0);
            double c50 = o.warm > 0 ? percentile(res.createMs(), 50) : Double.NaN, c99 = o.warm > 0 ? percentile(res.createMs(), 99) : Double.NaN;
            double b50 = o.warm > 0 ? percentile(res.callbackMs(), 50) : Double.NaN, b99 = o.warm > 0 ? percentile(res.callbackMs(), 99) : Double.NaN;
            cP50.add(c50);
            cP99.add(c99);
            bP50.add(b50);
            bP99.add(b99);
            System.out.printf("  run %d: cold %.0f ms (runtime ready %.0f ms), first callback %.1f ms, warm createSession p50 %.2f / p99 %.2f ms, warm callback p50 %.2f / p99 %.2f ms, peak RSS %.0f MB%n",
                    r, res.coldMs(), res.initMs(), res.firstCallbackMs(), c50, c99, b50, b99, res.peakRssKb() / 1024.0);
        }
        System.out.printf("MEDIAN [%s]: cold start %.0f ms (process start -> first createSession answer, its vendor call included; runtime ready at %.0f ms), first callback %.1f ms, warm createSession p50 %.2f ms p99 %.2f ms, warm callback p50 %.2f ms p99 %.2f ms, peak RSS %.0f MB%n",
                o.label, median(cold), median(init), median(firstCb), median(cP50), median(cP99), median(bP50), median(bP99), median(rss));
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
