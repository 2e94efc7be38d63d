import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowgate.testsupport.Dynalite;
import io.flowgate.testsupport.Tokens;
import io.flowgate.testsupport.lambda.ApiGatewayEvents;
import io.flowgate.testsupport.lambda.LambdaStack;
import io.flowgate.testsupport.lambda.PackagedFunction;
import io.flowgate.testsupport.lambda.StubVendor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * flowgate's load benchmark: a benchmark, not a test (CI does not run it). Run it through bench/load.sh,
 * which builds what is missing; by itself, after ./mvnw package:
 *
 * <pre>java -cp "target/test-classes:target/lib/*" bench/Load.java [--clients 50] [--duration 60s]
 *     [--warmup 10s] [--instances 4] [--java PATH] [--jvm-opts "..."] [--target DIR]</pre>
 *
 * The shape Lambda gives the packaged JVM function: {@code --instances} processes of the runner jar, each
 * started through AWS's runtime interface client and polling one emulated Lambda Runtime API, which queues
 * the events an emulated HTTP API makes of the clients' requests (API Gateway in front of a function with
 * that reserved concurrency). Sessions are kept in DynamoDB: one dynalite server shared by the instances,
 * its table created by the first. The vendor is a stub on loopback that records the sessions it creates and
 * answers each result as "every technology passed" (the person choosing pass on the hosted flow).
 *
 * {@code --clients} threads each repeat, for {@code --warmup} (not counted) then {@code --duration}, one
 * journey over real HTTP:
 * createSession → the browser's callback (303 to the return URL, status completed) → getResult
 * (COMPLETED, approved). It prints throughput, latency p50/p99 per step and the errors, then reads the whole
 * table and checks that every session a client created is there, COMPLETED and approved, that the vendor
 * created no session flowgate does not know, and that each reference's hold (idempotent createSession) points
 * to its stored session. Exit status 1 on any error or lost session.
 */
public class Load {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String TABLE = "flowgate-load";
    static final String REFERENCE_HOLD = "reference#";
    static final String RETURN_URL = "https://shop.example.com/kyc/done";
    static final String[] STEPS = {"createSession", "callback", "getResult"};
    static final AtomicInteger REFERENCES = new AtomicInteger();
    /** The integrator backend's token; flowgate is given only its SHA-256. */
    static final String TOKEN = "load-bench-caller-token-0123456789abcdef";

    static final class Options {
        int clients = 50;
        Duration duration = Duration.ofSeconds(60);
        Duration warmup = Duration.ofSeconds(10);
        int instances = 4;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // close to what Lambda's managed Java runtime uses (C1 only), the heap bounded as by the function's memory
        List<String> jvmOpts = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m");
        Path target = Path.of("target");
    }

    /** What the clients measured, shared between their threads. */
    static final class Tally {
        final Map<String, ConcurrentLinkedQueue<Long>> micros = new HashMap<>();
        final AtomicInteger journeys = new AtomicInteger();
        final AtomicInteger errors = new AtomicInteger();
        final ConcurrentLinkedQueue<String> firstErrors = new ConcurrentLinkedQueue<>();
        final Set<String> created = ConcurrentHashMap.newKeySet();
        final AtomicLong requests = new AtomicLong();
        volatile long elapsedMicros;

        Tally() {
            for (String step : STEPS) {
                micros.put(step, new ConcurrentLinkedQueue<>());
            }
        }

        void error(String what) {
            errors.incrementAndGet();
            if (firstErrors.size() < 10) {
                firstErrors.add(what);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        Options o = parse(args);
        PackagedFunction.Artifact artifact = PackagedFunction.Artifact.in(o.target);
        if (artifact.isNative()) {
            throw new IllegalStateException("the load benchmark runs the JVM build: ./mvnw package (without -Dnative)");
        }
        Path logDir = o.target.resolve("bench-logs").resolve("load");
        System.out.printf("flowgate load: %d clients, %s, %d instances of %s (JVM %s, %s); logs in %s%n", o.clients,
                o.duration, o.instances, artifact.runnerJar().getFileName(), javaVersion(), String.join(" ", o.jvmOpts),
                logDir.toAbsolutePath());
        boolean ok;
        try (Dynalite dynalite = Dynalite.start(); StubVendor vendor = new StubVendor();
                LambdaStack lambda = LambdaStack.start(artifact, o.instances, o.java, o.jvmOpts,
                        publicUrl -> configuration(publicUrl, vendor, dynalite), logDir, 120_000)) {
            System.out.printf("  %d instances ready; warming up for %s (not counted)%n", o.instances, o.warmup);
            Tally warmup = run(o.clients, o.warmup, lambda.gateway().baseUrl());
            System.out.printf("  warm-up: %d journeys, %d errors; measuring for %s%n", warmup.journeys.get(),
                    warmup.errors.get(), o.duration);
            lambda.runtimeApi().clearFunctionMicros();
            Tally tally = run(o.clients, o.duration, lambda.gateway().baseUrl());
            ok = report(tally) & warmup.errors.get() == 0;
            List<Long> inFunction = lambda.runtimeApi().functionMicros();
            System.out.printf("  %-13s n=%d p50 %.1f ms p99 %.1f ms (event handed out -> answer, without queueing)%n",
                    "in a function", inFunction.size(), percentile(inFunction, 50) / 1000.0,
                    percentile(inFunction, 99) / 1000.0);
            tally.created.addAll(warmup.created);
            ok &= check(tally, vendor, dynalite);
        }
        System.exit(ok ? 0 : 1);
    }

    static Map<String, String> configuration(String publicUrl, StubVendor vendor, Dynalite dynalite) {
        Map<String, String> env = new HashMap<>();
        env.put("FLOWGATE_PUBLIC_BASE_URL", publicUrl);
        env.put("FLOWGATE_STATE_SECRET", "load-bench-state-secret-0123456789abcdef");
        env.put("FLOWGATE_FLOWS_INDIVIDUALS_API_KEY", "load-bench-individuals-key-00000000000000000000");
        env.put("FLOWGATE_FLOWS_INDIVIDUALS_DECISION_APPROVE_WHEN",
                "/liveness_result/is_live == true,/face2face_result/similarity >= 0.8");
        env.put("FLOWGATE_UPSTREAM_API_URL", vendor.apiUrl());
        env.put("FLOWGATE_UPSTREAM_FLOW_URL", vendor.flowUrl());
        env.put("FLOWGATE_RETURN_URL_ALLOWED", "https://shop.example.com/kyc/");
        env.put("FLOWGATE_AUTH_TOKENS_BACKEND_SHA256", Tokens.sha256(TOKEN));
        env.put("FLOWGATE_AUTH_TOKENS_BACKEND_FLOWS", "*");
        env.put("FLOWGATE_STORE_TYPE", "dynamodb");
        env.put("FLOWGATE_STORE_DYNAMODB_TABLE", TABLE);
        env.put("FLOWGATE_STORE_DYNAMODB_CREATE_TABLE", "true");
        env.put("QUARKUS_DYNAMODB_ENDPOINT_OVERRIDE", dynalite.endpoint());
        env.put("QUARKUS_DYNAMODB_AWS_REGION", Dynalite.REGION);
        env.put("QUARKUS_DYNAMODB_AWS_CREDENTIALS_TYPE", "static");
        env.put("QUARKUS_DYNAMODB_AWS_CREDENTIALS_STATIC_PROVIDER_ACCESS_KEY_ID", Dynalite.ACCESS_KEY_ID);
        env.put("QUARKUS_DYNAMODB_AWS_CREDENTIALS_STATIC_PROVIDER_SECRET_ACCESS_KEY", Dynalite.SECRET_ACCESS_KEY);
        return env;
    }

    // ---- the clients ---------------------------------------------------------------------------

    static Tally run(int clients, Duration duration, String baseUrl) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        Tally tally = new Tally();
        long deadline = System.nanoTime() + duration.toNanos();
        CountDownLatch done = new CountDownLatch(clients);
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            Thread client = new Thread(() -> {
                try {
                    while (System.nanoTime() < deadline) {
                        journey(http, baseUrl, "load-" + REFERENCES.incrementAndGet(), tally);
                    }
                } finally {
                    done.countDown();
                }
            }, "client-" + c);
            client.setDaemon(true);
            client.start();
        }
        done.await();
        tally.elapsedMicros = (System.nanoTime() - start) / 1000;
        return tally;
    }

    static void journey(HttpClient http, String baseUrl, String reference, Tally tally) {
        String step = STEPS[0];
        try {
            HttpResponse<String> created = timed(tally, step, http, HttpRequest.newBuilder(URI.create(baseUrl + "/createSession"))
                    .header("Content-Type", "application/json").header("Authorization", Tokens.bearer(TOKEN))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"flow\":\"individuals\",\"reference\":\"" + reference
                            + "\",\"locale\":\"en\",\"returnUrl\":\"" + RETURN_URL + "\"}")));
            expect(created, 200, step);
            JsonNode session = JSON.readTree(created.body());
            String sessionId = session.path("sessionId").asText();
            tally.created.add(sessionId);
            // the vendor's hosted flow sends the browser to the redirect it was given
            URI verification = URI.create(session.path("verificationUrl").asText());
            String callback = ApiGatewayEvents.queryParam(verification.getRawQuery(), "redirect");

            step = STEPS[1];
            HttpResponse<String> back = timed(tally, step, http, HttpRequest.newBuilder(URI.create(callback)).GET());
            expect(back, 303, step);
            String location = back.headers().firstValue("Location").orElse("");
            if (!location.equals(RETURN_URL + "?session_id=" + sessionId + "&status=completed")) {
                throw new IllegalStateException("callback sent the browser to " + location);
            }

            step = STEPS[2];
            HttpResponse<String> result = timed(tally, step, http, HttpRequest.newBuilder(URI.create(baseUrl + "/getResult"))
                    .header("Content-Type", "application/json").header("Authorization", Tokens.bearer(TOKEN))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"sessionId\":\"" + sessionId + "\"}")));
            expect(result, 200, step);
            JsonNode view = JSON.readTree(result.body());
            if (!view.path("status").asText().equals("COMPLETED") || !view.path("decision").path("outcome").asText().equals("approved")) {
                throw new IllegalStateException("getResult answered " + result.body());
            }
            tally.journeys.incrementAndGet();
        } catch (Exception e) {
            tally.error(step + ": " + e.getMessage());
        }
    }

    static HttpResponse<String> timed(Tally tally, String step, HttpClient http, HttpRequest.Builder request) throws Exception {
        long t = System.nanoTime();
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(35)).build(),
                HttpResponse.BodyHandlers.ofString());
        tally.micros.get(step).add((System.nanoTime() - t) / 1000);
        tally.requests.incrementAndGet();
        return response;
    }

    static void expect(HttpResponse<String> response, int status, String step) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("answered " + response.statusCode() + ": " + response.body());
        }
    }


    // ---- the report and the store check ---------------------------------------------------------

    static boolean report(Tally tally) {
        double seconds = tally.elapsedMicros / 1e6;
        System.out.printf("RESULT: %d journeys (%d requests) in %.1f s: %.1f journeys/s, %.1f requests/s; errors %d%n",
                tally.journeys.get(), tally.requests.get(), seconds, tally.journeys.get() / seconds,
                tally.requests.get() / seconds, tally.errors.get());
        List<Long> all = new ArrayList<>();
        for (String step : STEPS) {
            List<Long> values = new ArrayList<>(tally.micros.get(step));
            all.addAll(values);
            System.out.printf("  %-13s n=%d p50 %.1f ms p99 %.1f ms max %.1f ms%n", step, values.size(),
                    percentile(values, 50) / 1000.0, percentile(values, 99) / 1000.0, percentile(values, 100) / 1000.0);
        }
        System.out.printf("  %-13s n=%d p50 %.1f ms p99 %.1f ms%n", "all requests", all.size(), percentile(all, 50) / 1000.0,
                percentile(all, 99) / 1000.0);
        tally.firstErrors.forEach(e -> System.out.println("  error: " + e));
        return tally.errors.get() == 0;
    }

    static boolean check(Tally tally, StubVendor vendor, Dynalite dynalite) {
        Map<String, Map<String, AttributeValue>> items = new HashMap<>();
        try (DynamoDbClient dynamoDb = DynamoDbClient.builder()
                .endpointOverride(URI.create(dynalite.endpoint()))
                .region(Region.of(Dynalite.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(Dynalite.ACCESS_KEY_ID, Dynalite.SECRET_ACCESS_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            Map<String, AttributeValue> start = null;
            do {
                ScanResponse page = dynamoDb.scan(ScanRequest.builder().tableName(TABLE).exclusiveStartKey(start).build());
                page.items().forEach(item -> items.put(item.get("sessionId").s(), item));
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (start != null);
        }
        // createSession holds each reference in the same table (sessionId "reference#<reference>") before it
        // calls the vendor: set them apart, and check that each points to a stored session
        Map<String, Map<String, AttributeValue>> holds = new HashMap<>();
        items.entrySet().removeIf(entry -> {
            boolean hold = entry.getKey().startsWith(REFERENCE_HOLD);
            if (hold) {
                holds.put(entry.getKey(), entry.getValue());
            }
            return hold;
        });
        long holdsWithoutSession = holds.values().stream()
                .filter(hold -> !items.containsKey(s(hold, "reservedSessionId"))).count();
        int lost = 0, wrong = 0;
        for (String id : tally.created) {
            Map<String, AttributeValue> item = items.get(id);
            if (item == null) {
                lost++;
            } else if (!"COMPLETED".equals(s(item, "status")) || !"approved".equals(s(item, "decision"))) {
                wrong++;
                if (wrong <= 5) {
                    System.out.println("  wrong: " + id + " status=" + s(item, "status") + " decision=" + s(item, "decision"));
                }
            }
        }
        Set<String> unknownToFlowgate = new java.util.HashSet<>(vendor.sessions());
        unknownToFlowgate.removeAll(items.keySet());
        System.out.printf("STORE: %d sessions created by the clients, %d sessions in the table; lost %d, not COMPLETED+approved %d;"
                + " vendor sessions %d, of which unknown to the table %d; reference holds %d, without a stored session %d%n",
                tally.created.size(), items.size(), lost, wrong, vendor.sessions().size(), unknownToFlowgate.size(),
                holds.size(), holdsWithoutSession);
        return lost == 0 && wrong == 0 && unknownToFlowgate.isEmpty() && items.size() == tally.created.size()
                && holdsWithoutSession == 0 && holds.size() == tally.created.size();
    }

    static String s(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    static double percentile(List<Long> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        long[] sorted = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static Options parse(String[] args) {
        Options o = new Options();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--clients" -> o.clients = Integer.parseInt(value);
                case "--duration" -> o.duration = duration(value);
                case "--warmup" -> o.warmup = duration(value);
                case "--instances" -> o.instances = Integer.parseInt(value);
                case "--java" -> o.java = value;
                case "--jvm-opts" -> o.jvmOpts = value.isBlank() ? List.of() : List.of(value.trim().split("\\s+"));
                case "--target" -> o.target = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (--clients N --duration 60s --warmup 10s --instances N --java PATH --jvm-opts \"...\" --target DIR)");
            }
            i++;
        }
        if (o.clients < 1 || o.clients > 1000 || o.instances < 1 || o.instances > 32
                || o.duration.isNegative() || o.duration.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("--clients 1..1000, --instances 1..32, --duration up to 1h");
        }
        return o;
    }

    /** {@code 60s}, {@code 2m}, or ISO-8601 ({@code PT90S}). */
    static Duration duration(String text) {
        String t = text.trim().toLowerCase();
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        if (t.endsWith("s")) {
            return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
        }
        if (t.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
        }
        return Duration.parse(text);
    }

    static String javaVersion() {
        return System.getProperty("java.version");
    }
}
