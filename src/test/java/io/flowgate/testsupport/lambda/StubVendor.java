package io.flowgate.testsupport.lambda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * The vendor's API on 127.0.0.1, for the packaged artifact (which has no sandbox): session creation answers a
 * new session with the technologies LD and F2F, the result of a session it created has both passed (what a
 * person choosing "pass" on the hosted flow produces), or, for the sessions created while {@link
 * #personsLeaveEarly} is on, the liveness result alone (a person who left before the face match). It records the
 * sessions it created, in order, and can be told to fail session creation with a status. Once given a video
 * ({@link #serveVideo}), the liveness video download serves it, byte for byte with its content type, for every
 * session it created; without one it answers 404 as the vendor does for a session without a recording. Over HTTP,
 * or over HTTPS with a certificate of the test's ({@link #https(SSLContext)}).
 */
public final class StubVendor implements AutoCloseable {

    public static final String TECHNOLOGIES = "[\"LD\",\"F2F\"]";
    private static final Pattern SESSION_ID = Pattern.compile("(?:^|&)session_id=([^&]+)");
    private static final Pattern API_KEY = Pattern.compile("\"api_key\"\\s*:\\s*\"([^\"]*)\"");

    private final HttpServer server;
    private final ExecutorService executor;
    private final Set<String> sessions = ConcurrentHashMap.newKeySet();
    private final List<String> handedOut = new CopyOnWriteArrayList<>();
    private final List<String> apiKeys = new CopyOnWriteArrayList<>();
    private final Set<String> leftEarly = ConcurrentHashMap.newKeySet();
    private final AtomicInteger createCalls = new AtomicInteger();
    private volatile int lastCreateBytes;
    private final AtomicInteger resultCalls = new AtomicInteger();
    private final AtomicInteger videoCalls = new AtomicInteger();
    private volatile Video video;
    private volatile int createFailure;
    private volatile Duration answerDelay = Duration.ZERO;
    private volatile boolean leaveEarly;

    public StubVendor() throws IOException {
        this(null);
    }

    /** The vendor over HTTPS, presenting the certificate of {@code tls}. */
    public static StubVendor https(SSLContext tls) throws IOException {
        return new StubVendor(tls);
    }

    private StubVendor(SSLContext tls) throws IOException {
        executor = Executors.newCachedThreadPool(Loopback.daemon("stub-vendor"));
        server = tls == null ? Loopback.server(executor) : Loopback.httpsServer(executor, tls);
        server.createContext("/api/v1/flows/session/create/", this::create);
        server.createContext("/api/v1/flows/session/result/", this::result);
        server.createContext("/api/v1/liveness/video/download/", this::video);
        server.start();
    }

    /** The vendor's API URL ({@code flowgate.upstream.api-url}). */
    public String apiUrl() {
        return (server instanceof HttpsServer ? "https" : "http") + "://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The hosted flow's URL ({@code flowgate.upstream.flow-url}); nothing is served there. */
    public String flowUrl() {
        return apiUrl() + "/flow";
    }

    /** From now on, session creation answers {@code status} (0: succeeds again). */
    public void failCreationWith(int status) {
        createFailure = status;
    }

    /** From now on, every answer comes {@code delay} late (zero: at once again). */
    public void delayAnswers(Duration delay) {
        answerDelay = delay;
    }

    private void lag() {
        try {
            Thread.sleep(answerDelay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * From now on, the persons of the sessions created leave before the face match ({@code true}): their result
     * holds the liveness result only; {@code false}: they pass every check again.
     */
    public void personsLeaveEarly(boolean early) {
        leaveEarly = early;
    }

    /** From now on, the video download answers {@code bytes} as {@code contentType} for every session it created. */
    public void serveVideo(byte[] bytes, String contentType) {
        video = new Video(bytes.clone(), contentType);
    }

    /** The sessions this vendor created. */
    public Set<String> sessions() {
        return Set.copyOf(sessions);
    }

    /** The ids of the sessions this vendor created, in the order it handed them out. */
    public List<String> handedOut() {
        return List.copyOf(handedOut);
    }

    /** The flow API key of each session creation asked for, in order ("" for none). */
    public List<String> apiKeys() {
        return List.copyOf(apiKeys);
    }

    public int createCalls() {
        return createCalls.get();
    }

    /** The size of the last create request's body, in bytes. */
    public int lastCreateBytes() {
        return lastCreateBytes;
    }

    public int resultCalls() {
        return resultCalls.get();
    }

    /** How many video downloads were asked for. */
    public int videoCalls() {
        return videoCalls.get();
    }

    private void create(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            lastCreateBytes = body.length;
            Matcher key = API_KEY.matcher(new String(body, StandardCharsets.UTF_8));
            apiKeys.add(key.find() ? key.group(1) : "");
            createCalls.incrementAndGet();
            lag();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            int failure = createFailure;
            if (failure != 0) {
                Loopback.send(exchange, failure, "{\"detail\":\"stub vendor failure\"}");
                return;
            }
            String id = UUID.randomUUID().toString();
            if (leaveEarly) {
                leftEarly.add(id);
            }
            sessions.add(id);
            handedOut.add(id);
            Loopback.send(exchange, 201, "{\"session_id\":\"" + id + "\",\"technologies\":" + TECHNOLOGIES + "}");
        }
    }

    private void result(HttpExchange exchange) throws IOException {
        try (exchange) {
            resultCalls.incrementAndGet();
            lag();
            Matcher m = SESSION_ID.matcher(String.valueOf(exchange.getRequestURI().getRawQuery()));
            String id = m.find() ? URLDecoder.decode(m.group(1), StandardCharsets.UTF_8) : "";
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            if (!sessions.contains(id)) {
                Loopback.send(exchange, 404, "{\"detail\":\"Not found.\"}");
                return;
            }
            Loopback.send(exchange, 200, "{\"id\":\"" + id + "\","
                    + "\"technologies\":[{\"name\":\"LD\",\"description\":\"Liveness\"},{\"name\":\"F2F\",\"description\":\"Face to face\"}],"
                    + "\"liveness_result\":{\"is_live\":true,\"score\":0.97}"
                    + (leftEarly.contains(id) ? ""
                            : ",\"face2face_result\":{\"is_same_person\":true,\"similarity\":0.91}") + "}");
        }
    }

    private void video(HttpExchange exchange) throws IOException {
        try (exchange) {
            videoCalls.incrementAndGet();
            lag();
            Matcher m = SESSION_ID.matcher(String.valueOf(exchange.getRequestURI().getRawQuery()));
            String id = m.find() ? URLDecoder.decode(m.group(1), StandardCharsets.UTF_8) : "";
            Video served = video;
            if (served == null || !sessions.contains(id)) {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                Loopback.send(exchange, 404, "{\"detail\":\"Video not found.\"}");
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", served.contentType());
            Loopback.send(exchange, 200, served.bytes());
        }
    }

    private record Video(byte[] bytes, String contentType) {
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
