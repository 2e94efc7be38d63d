package io.flowgate.testsupport;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An integrator's webhook endpoint on a free loopback port: a real HTTP server that checks every request's
 * signature with the official Standard Webhooks library (independent of flowgate's signer), once per secret it
 * knows, and records what it got. It answers 204 to a genuine request, 401 to one no secret verifies, and 500
 * to the next {@link #failNext} requests whatever they are; it may also wait, or do something, before answering.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received, and what the receiver made of it. */
    public record Received(String path, Map<String, List<String>> headers, byte[] body, Map<String, Boolean> acceptedBy,
            int answer) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, String> secrets;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicLong delayMillis = new AtomicLong();
    private final AtomicReference<Runnable> whileHolding = new AtomicReference<>();

    private WebhookReceiver(HttpServer server, Map<String, String> secrets) {
        this.server = server;
        this.secrets = secrets;
    }

    /** Starts a receiver that knows these secrets, by a name of the test's choosing. */
    public static WebhookReceiver start(Map<String, String> secretsByName) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            WebhookReceiver receiver = new WebhookReceiver(server, new LinkedHashMap<>(secretsByName));
            server.createContext("/", receiver::handle);
            server.setExecutor(receiver.threads);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url(String pathAndQuery) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery;
    }

    /** The next {@code count} requests are answered 500. */
    public void failNext(int count) {
        failures.set(count);
    }

    /** Every answer waits this long first. */
    public void delay(Duration delay) {
        delayMillis.set(delay.toMillis());
    }

    /**
     * The next request is held while {@code action} runs, then answered as usual: what the action does happens
     * while the sender waits for the answer. The action runs once, on the receiver's thread.
     */
    public void whileHoldingNext(Runnable action) {
        whileHolding.set(action);
    }

    public void reset() {
        whileHolding.set(null);
        failures.set(0);
        delayMillis.set(0);
        received.clear();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Waits until at least {@code count} requests have been answered; fails after {@code patience}. */
    public List<Received> await(int count, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (received.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + count + " webhook requests within " + patience + ", got "
                        + received.size());
            }
            sleep(20);
        }
        return received();
    }

    /** Whether the official library, holding {@code secret}, accepts these headers and body. */
    public static boolean verifies(String secret, String body, Map<String, List<String>> headers) {
        try {
            new Webhook(secret).verify(body, headers);
            return true;
        } catch (WebhookVerificationException e) {
            return false;
        } catch (EmptyWebhookSecretException e) {
            throw new IllegalArgumentException("an empty secret", e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, new ArrayList<>(values)));
        Map<String, Boolean> acceptedBy = new LinkedHashMap<>();
        secrets.forEach((name, secret) -> acceptedBy.put(name,
                verifies(secret, new String(body, StandardCharsets.UTF_8), headers)));
        sleep(delayMillis.get());
        Runnable action = whileHolding.getAndSet(null);
        if (action != null) {
            action.run();
        }
        int answer = failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500
                : acceptedBy.containsValue(true) ? 204 : 401;
        exchange.sendResponseHeaders(answer, -1);
        exchange.close();
        received.add(new Received(exchange.getRequestURI().toString(), headers, body, acceptedBy, answer));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
