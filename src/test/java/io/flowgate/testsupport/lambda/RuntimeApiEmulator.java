package io.flowgate.testsupport.lambda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Lambda Runtime API (2018-06-01) on 127.0.0.1, as a function's runtime sees it: {@code GET
 * .../invocation/next} long-polls a queue of events (Lambda blocks there until an event comes), {@code POST
 * .../invocation/{id}/response} and {@code .../error} answer them, {@code POST .../init/error} reports a
 * failed start. Any number of function processes may poll the same queue: each event goes to one of them,
 * as with several instances of one function. Plain JDK, so the benchmarks in bench/ use it too.
 */
public final class RuntimeApiEmulator implements AutoCloseable {

    static final String FUNCTION_ARN = "arn:aws:lambda:eu-central-1:123456789012:function:flowgate";
    private static final Pattern ANSWER = Pattern.compile("/2018-06-01/runtime/invocation/([^/]+)/(response|error)");

    /** One queued event and the answer it gets. */
    public record Invocation(String id, String event, CompletableFuture<String> answer) {
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final BlockingQueue<Invocation> queue = new LinkedBlockingQueue<>();
    private final Map<String, Invocation> inFlight = new ConcurrentHashMap<>();
    private final CompletableFuture<String> initError = new CompletableFuture<>();
    private final AtomicInteger polls = new AtomicInteger();
    private final Map<String, Long> handedOut = new ConcurrentHashMap<>();
    private final Queue<String> traceHeaders = new ConcurrentLinkedQueue<>();
    private final Queue<Long> functionMicros = new ConcurrentLinkedQueue<>();
    private volatile long invocationTimeoutMs;
    private volatile boolean stopped;
    private volatile long firstNextNanos;

    /** @param invocationTimeoutMs the deadline each event carries ({@code Lambda-Runtime-Deadline-Ms}) */
    public RuntimeApiEmulator(long invocationTimeoutMs) throws IOException {
        this.invocationTimeoutMs = invocationTimeoutMs;
        // every waiting runtime holds a thread in its long poll
        executor = Executors.newCachedThreadPool(Loopback.daemon("runtime-api"));
        server = Loopback.server(executor);
        server.createContext("/2018-06-01/runtime/", this::handle);
        server.start();
    }

    /** What a function process needs in {@code AWS_LAMBDA_RUNTIME_API}. */
    public String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Queues an event; the future completes with the function's answer (or fails with its error). */
    public Invocation enqueue(String event) {
        Invocation invocation = new Invocation(UUID.randomUUID().toString(), event, new CompletableFuture<>());
        inFlight.put(invocation.id(), invocation);
        queue.add(invocation);
        return invocation;
    }

    /** The error a runtime reported while starting, if one did. */
    public CompletableFuture<String> initError() {
        return initError;
    }

    /** When the first runtime first asked for an event ({@link System#nanoTime()}), 0 before. */
    public long firstNextNanos() {
        return firstNextNanos;
    }

    /**
     * How long each answered invocation took in a function, in µs: from handing the event out to receiving the
     * answer (what Lambda bills as duration), without the time it waited in the queue.
     */
    public List<Long> functionMicros() {
        return List.copyOf(functionMicros);
    }

    /** Forgets the durations measured so far (e.g. after a warm-up). */
    /** From now on, each event handed out carries a deadline {@code invocationTimeoutMs} away. */
    public void invocationTimeout(long invocationTimeoutMs) {
        this.invocationTimeoutMs = invocationTimeoutMs;
    }

    public void clearFunctionMicros() {
        functionMicros.clear();
    }

    /**
     * The {@code Lambda-Runtime-Trace-Id} of each event handed out so far, in order: a new X-Ray trace per event
     * ({@code Root=1-<8 hex>-<24 hex>;Parent=<16 hex>;Sampled=1}), as Lambda's active tracing starts one per invocation.
     */
    public List<String> traceHeaders() {
        return List.copyOf(traceHeaders);
    }

    /** How many {@code next} requests are waiting for an event: runtimes ready for work. */
    public int waitingRuntimes() {
        return polls.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (method.equals("GET") && path.equals("/2018-06-01/runtime/invocation/next")) {
                next(exchange);
                return;
            }
            if (method.equals("POST") && path.equals("/2018-06-01/runtime/init/error")) {
                initError.complete(new String(body, StandardCharsets.UTF_8));
                Loopback.send(exchange, 202, "{\"status\":\"OK\"}");
                return;
            }
            Matcher m = ANSWER.matcher(path);
            if (method.equals("POST") && m.matches()) {
                Invocation invocation = inFlight.remove(m.group(1));
                if (invocation == null) {
                    Loopback.send(exchange, 400, "{\"errorMessage\":\"unknown request id\"}");
                    return;
                }
                String text = new String(body, StandardCharsets.UTF_8);
                Long since = handedOut.remove(invocation.id());
                if (since != null) {
                    functionMicros.add((System.nanoTime() - since) / 1000);
                }
                if (m.group(2).equals("response")) {
                    invocation.answer().complete(text);
                } else {
                    invocation.answer().completeExceptionally(new InvocationError(text));
                }
                Loopback.send(exchange, 202, "{\"status\":\"OK\"}");
                return;
            }
            Loopback.send(exchange, 404, "{\"errorMessage\":\"not found\"}");
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        if (firstNextNanos == 0) {
            firstNextNanos = System.nanoTime();
        }
        Invocation next = null;
        polls.incrementAndGet();
        try {
            while (next == null && !stopped) {
                next = queue.poll(100, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            polls.decrementAndGet();
        }
        if (next == null) {
            Loopback.send(exchange, 500, "{\"errorMessage\":\"the runtime API is stopping\"}");
            return;
        }
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/json");
        headers.set("Lambda-Runtime-Aws-Request-Id", next.id());
        headers.set("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + invocationTimeoutMs));
        headers.set("Lambda-Runtime-Invoked-Function-Arn", FUNCTION_ARN);
        String traceHeader = newTraceHeader();
        traceHeaders.add(traceHeader);
        headers.set("Lambda-Runtime-Trace-Id", traceHeader);
        handedOut.put(next.id(), System.nanoTime());
        Loopback.send(exchange, 200, next.event());
    }

    private static String newTraceHeader() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return String.format("Root=1-%08x-%024x;Parent=%016x;Sampled=1",
                System.currentTimeMillis() / 1000, new BigInteger(96, random).setBit(0), random.nextLong() | 1);
    }

    @Override
    public void close() {
        stopped = true;
        server.stop(0);
        executor.shutdownNow();
    }

    /** The function answered an invocation with an error ({@code .../error}). */
    public static final class InvocationError extends RuntimeException {
        InvocationError(String body) {
            super("invocation error: " + body);
        }
    }
}
