package io.flowgate.readme;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A Node.js program run as it is written (an ES module on standard input) in {@code src/test/webhook-recipe},
 * where its npm packages are installed ({@code npm ci} there first if they are missing), with {@code PORT} set to
 * a free loopback port. It must print {@code listening} once it listens; its other lines are kept for the test.
 */
final class NodeRecipe implements AutoCloseable {

    static final Path HOME = Path.of("src", "test", "webhook-recipe").toAbsolutePath();
    private static final Duration STARTUP = Duration.ofSeconds(15);

    private final Process node;
    private final int port;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final HttpClient http = HttpClient.newHttpClient();

    private NodeRecipe(Process node, int port) {
        this.node = node;
        this.port = port;
        Thread reader = new Thread(this::readLines, "node-recipe-output");
        reader.setDaemon(true);
        reader.start();
    }

    static NodeRecipe start(String program, Map<String, String> environment) throws Exception {
        if (!Files.isDirectory(HOME.resolve("node_modules"))) {
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(HOME.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                throw new IllegalStateException("npm ci in " + HOME + " failed: Node.js 18+ and npm are needed");
            }
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder("node", "--input-type=module", "-").directory(HOME.toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(environment);
        builder.environment().put("PORT", Integer.toString(port));
        Process node = builder.start();
        node.getOutputStream().write(program.getBytes(StandardCharsets.UTF_8));
        node.getOutputStream().close();
        NodeRecipe recipe = new NodeRecipe(node, port);
        String first = recipe.awaitLine(STARTUP);
        if (!"listening".equals(first)) {
            recipe.close();
            throw new IllegalStateException("the Node.js recipe did not start: " + first);
        }
        return recipe;
    }

    /** POSTs to the program; returns its status. */
    int post(String body, Map<String, List<String>> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .timeout(Duration.ofSeconds(5));
        for (String name : List.of("content-type", "webhook-id", "webhook-timestamp", "webhook-signature")) {
            headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .ifPresent(e -> request.header(name, e.getValue().get(0)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The program's next line of output; fails after {@code patience}. */
    String awaitLine(Duration patience) throws InterruptedException {
        String line = lines.poll(patience.toMillis(), TimeUnit.MILLISECONDS);
        if (line == null) {
            throw new AssertionError("the Node.js recipe printed nothing within " + patience);
        }
        return line;
    }

    private void readLines() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            lines.add("(output unreadable: " + e.getMessage() + ")");
        }
    }

    @Override
    public void close() throws InterruptedException {
        node.destroy();
        if (!node.waitFor(5, TimeUnit.SECONDS)) {
            node.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
