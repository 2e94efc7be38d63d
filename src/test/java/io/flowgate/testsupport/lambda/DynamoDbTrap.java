package io.flowgate.testsupport.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * A TCP proxy on 127.0.0.1 in front of a DynamoDB endpoint (dynalite) that forwards every request byte for byte,
 * signature and all, but can be armed to hold one: the first request it is told to watch for is never forwarded;
 * instead an action runs (e.g. the function process killed with SIGKILL) while the request is held, then its
 * connection is closed. So the function dies at an exact point of its work, after every write before it and with
 * that one not written. Requests are read as HTTP/1.1 with a {@code Content-Length} (the AWS SDK's requests to
 * DynamoDB); answers are passed back unread.
 */
public final class DynamoDbTrap implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request to DynamoDB: its operation (from {@code X-Amz-Target}, e.g. {@code PutItem}) and its JSON body. */
    public record Request(String operation, JsonNode body) {

        /** The key ({@code sessionId}) of the item a {@code PutItem} writes; empty for other requests. */
        public String itemKey() {
            return body.path("Item").path("sessionId").path("S").asText("");
        }

        /**
         * The first write of a session's own record: a {@code PutItem} of a session item (not a reference's
         * reservation, whose key starts {@code reference#}) on the condition that creates it.
         */
        public boolean createsSessionRecord() {
            return operation.equals("PutItem") && !itemKey().isEmpty() && !itemKey().startsWith("reference#")
                    && body.path("ConditionExpression").asText().equals("attribute_not_exists(sessionId)");
        }
    }

    private record Trap(Predicate<Request> which, Runnable action, CompletableFuture<Request> held) {
    }

    private final ServerSocket server;
    private final String upstreamHost;
    private final int upstreamPort;
    private final ExecutorService threads;
    private final AtomicReference<Trap> armed = new AtomicReference<>();

    /** A proxy to {@code upstream} ({@code http://host:port}), listening on a free loopback port. */
    public DynamoDbTrap(String upstream) throws IOException {
        URI uri = URI.create(upstream);
        upstreamHost = uri.getHost();
        upstreamPort = uri.getPort();
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads = Executors.newCachedThreadPool(Loopback.daemon("dynamodb-trap"));
        threads.execute(this::accept);
    }

    /** The endpoint to give the function ({@code quarkus.dynamodb.endpoint-override}). */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /**
     * Holds the next request {@code which} accepts: it is not forwarded, {@code action} runs, then the request's
     * connection is closed. The future completes with the request once {@code action} has run.
     */
    public CompletableFuture<Request> holdNext(Predicate<Request> which, Runnable action) {
        Trap trap = new Trap(which, action, new CompletableFuture<>());
        if (!armed.compareAndSet(null, trap)) {
            throw new IllegalStateException("a trap is already armed");
        }
        return trap.held();
    }

    /** Forwards everything again; a trap that has not caught a request fails its future. */
    public void disarm() {
        Trap trap = armed.getAndSet(null);
        if (trap != null) {
            trap.held().completeExceptionally(new IllegalStateException("disarmed before it caught a request"));
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                threads.execute(() -> serve(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket client) {
        try (client; Socket upstream = new Socket(upstreamHost, upstreamPort)) {
            client.setTcpNoDelay(true);
            upstream.setTcpNoDelay(true);
            threads.execute(() -> pipe(upstream, client));
            InputStream in = new BufferedInputStream(client.getInputStream());
            OutputStream out = upstream.getOutputStream();
            while (true) {
                byte[] head = head(in);
                if (head == null) {
                    return;
                }
                String headers = new String(head, StandardCharsets.ISO_8859_1);
                if (header(headers, "transfer-encoding") != null) {
                    throw new IOException("a chunked request: the trap reads requests with a Content-Length only");
                }
                String length = header(headers, "content-length");
                byte[] body = in.readNBytes(length == null ? 0 : Integer.parseInt(length.trim()));
                Trap trap = armed.get();
                if (trap != null) {
                    Request request = request(headers, body);
                    if (trap.which().test(request) && armed.compareAndSet(trap, null)) {
                        hold(trap, request);
                        return;
                    }
                }
                out.write(head);
                out.write(body);
                out.flush();
            }
        } catch (IOException | RuntimeException e) {
            // the connection ends with the client, the upstream or the trap
        }
    }

    private static void hold(Trap trap, Request request) {
        try {
            trap.action().run();
            trap.held().complete(request);
        } catch (RuntimeException e) {
            trap.held().completeExceptionally(e);
        }
    }

    private static Request request(String headers, byte[] body) throws IOException {
        String target = header(headers, "x-amz-target");
        String operation = target == null ? "" : target.substring(target.indexOf('.') + 1).trim();
        return new Request(operation, body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body));
    }

    /** The request line and headers up to the empty line, or null at the end of the stream. */
    private static byte[] head(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while ((b = in.read()) != -1) {
            head.write(b);
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                return head.toByteArray();
            }
        }
        if (head.size() > 0) {
            throw new IOException("the stream ended inside a request's headers");
        }
        return null;
    }

    private static String header(String headers, String name) {
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    private static void pipe(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException e) {
            // one side closed
        } finally {
            try {
                to.shutdownOutput();
            } catch (IOException e) {
                // already closed
            }
        }
    }

    @Override
    public void close() throws IOException {
        disarm();
        server.close();
        threads.shutdownNow();
    }
}
