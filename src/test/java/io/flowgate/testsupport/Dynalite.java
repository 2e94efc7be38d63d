package io.flowgate.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * dynalite, a DynamoDB-compatible server on Node.js, on a free loopback port (plain JDK, so the load benchmark
 * in bench/ runs it too). It is installed by the project's own {@code src/test/dynalite/package.json}: when its
 * {@code node_modules} is missing this runs {@code npm ci} there first. Node.js 20+ and npm must be installed;
 * without them, or when the server does not come up, starting fails with a message that says why.
 */
public final class Dynalite implements AutoCloseable {

    static final Path HOME = Path.of("src", "test", "dynalite").toAbsolutePath();
    static final Path CLI = HOME.resolve(Path.of("node_modules", "dynalite", "cli.js"));
    static final Path LOG = Path.of("target", "dynalite.log").toAbsolutePath();
    private static final String LOOPBACK = "127.0.0.1";
    private static final Duration STARTUP = Duration.ofSeconds(30);
    private static final Duration NPM_CI = Duration.ofMinutes(5);

    public static final String REGION = "us-east-1";
    public static final String ACCESS_KEY_ID = "dynalite-test-key";
    public static final String SECRET_ACCESS_KEY = "dynalite-test-secret";

    private final Process server;
    private final int port;

    private Dynalite(Process server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts a server (after {@code npm ci} if needed) and waits until it listens. */
    public static Dynalite start() {
        Process server = null;
        try {
            if (!Files.exists(CLI)) {
                npmCi();
            }
            int port = freePort();
            Files.createDirectories(LOG.getParent());
            server = new ProcessBuilder("node", CLI.toString(), "--host", LOOPBACK, "--port", Integer.toString(port))
                    .redirectErrorStream(true)
                    .redirectOutput(LOG.toFile())
                    .start();
            Dynalite dynalite = new Dynalite(server, port);
            dynalite.awaitListening();
            return dynalite;
        } catch (IOException | RuntimeException e) {
            stop(server);
            throw new IllegalStateException(cannotStart(e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(server);
            throw new IllegalStateException(cannotStart("interrupted"), e);
        }
    }

    /** The endpoint to give a DynamoDB client ({@code quarkus.dynamodb.endpoint-override}). */
    public String endpoint() {
        return "http://" + LOOPBACK + ":" + port;
    }

    @Override
    public void close() {
        stop(server);
    }

    private static void stop(Process server) {
        if (server == null) {
            return;
        }
        server.destroy();
        try {
            if (!server.waitFor(5, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            server.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void npmCi() throws IOException, InterruptedException {
        Path npmLog = Path.of("target", "dynalite-npm-ci.log").toAbsolutePath();
        Files.createDirectories(npmLog.getParent());
        Process npm = new ProcessBuilder(List.of("npm", "ci", "--no-audit", "--no-fund"))
                .directory(HOME.toFile())
                .redirectErrorStream(true)
                .redirectOutput(npmLog.toFile())
                .start();
        if (!npm.waitFor(NPM_CI.toSeconds(), TimeUnit.SECONDS)) {
            npm.destroyForcibly();
            throw new IOException("npm ci in " + HOME + " took over " + NPM_CI + " (log: " + npmLog + ")");
        }
        if (npm.exitValue() != 0 || !Files.exists(CLI)) {
            throw new IOException("npm ci in " + HOME + " failed with exit code " + npm.exitValue() + ": "
                    + tail(npmLog));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        }
    }

    private void awaitListening() throws InterruptedException, IOException {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (!accepts(port)) {
            if (!server.isAlive()) {
                throw new IOException("dynalite exited with code " + server.exitValue() + ": " + tail(LOG));
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("dynalite did not listen on port " + port + " within " + STARTUP + ": "
                        + tail(LOG));
            }
            Thread.sleep(100);
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LOOPBACK, port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String tail(Path log) {
        try {
            String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8).strip() : "";
            return text.length() > 2000 ? "..." + text.substring(text.length() - 2000) : text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String cannotStart(String reason) {
        String where = "true".equalsIgnoreCase(System.getenv("CI")) ? "CI must install" : "install";
        return "dynalite, the DynamoDB server of the store tests, could not start: " + reason + ". These tests need "
                + "Node.js 20+ and npm: " + where + " them (Debian: apt-get install nodejs npm), then run "
                + "'npm ci --prefix src/test/dynalite' or let the tests run it.";
    }
}
