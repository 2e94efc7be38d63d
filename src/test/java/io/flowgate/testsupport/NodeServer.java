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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A test server on Node.js from one of the project's own npm packages under {@code src/test/<name>}, on a free
 * loopback port: runs {@code npm ci} there first when its {@code node_modules} is missing, starts the package's
 * script and waits until the port accepts connections. Every failure is an exception that says why (the tests
 * fail, never skip); the server's output goes to {@code target/<name>.log}.
 */
final class NodeServer {

    static final String LOOPBACK = "127.0.0.1";
    private static final Duration STARTUP = Duration.ofSeconds(30);
    private static final Duration NPM_CI = Duration.ofMinutes(5);

    private final String name;
    private final Path home;
    private final Path script;
    private final Path log;
    private Process process;
    private int port;

    /** The server {@code name}, started by {@code script} (relative to its package's {@code node_modules}). */
    NodeServer(String name, String script) {
        this.name = name;
        this.home = Path.of("src", "test", name).toAbsolutePath();
        this.script = home.resolve("node_modules").resolve(script);
        this.log = Path.of("target", name + ".log").toAbsolutePath();
    }

    /** Starts the script with {@code arguments}, where {@code {port}} stands for the free port chosen; the port. */
    int start(List<String> arguments) throws IOException, InterruptedException {
        if (!Files.exists(script)) {
            npmCi();
        }
        port = freePort();
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of("node", script.toString()));
        arguments.forEach(argument -> command.add(argument.replace("{port}", Integer.toString(port))));
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        awaitListening();
        return port;
    }

    void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** Why the server could not start, and what to install. */
    String cannotStart(String what, String reason) {
        String where = "true".equalsIgnoreCase(System.getenv("CI")) ? "CI must install" : "install";
        return name + ", " + what + ", could not start: " + reason + ". These tests need Node.js 20+ and npm: "
                + where + " them (Debian: apt-get install nodejs npm), then run 'npm ci --prefix src/test/" + name
                + "' or let the tests run it.";
    }

    private void npmCi() throws IOException, InterruptedException {
        Path npmLog = Path.of("target", name + "-npm-ci.log").toAbsolutePath();
        Files.createDirectories(npmLog.getParent());
        Process npm = new ProcessBuilder(List.of("npm", "ci", "--no-audit", "--no-fund"))
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(npmLog.toFile())
                .start();
        if (!npm.waitFor(NPM_CI.toSeconds(), TimeUnit.SECONDS)) {
            npm.destroyForcibly();
            throw new IOException("npm ci in " + home + " took over " + NPM_CI + " (log: " + npmLog + ")");
        }
        if (npm.exitValue() != 0 || !Files.exists(script)) {
            throw new IOException("npm ci in " + home + " failed with exit code " + npm.exitValue() + ": "
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
        while (!accepts()) {
            if (!process.isAlive()) {
                throw new IOException(name + " exited with code " + process.exitValue() + ": " + tail(log));
            }
            if (System.nanoTime() > deadline) {
                throw new IOException(name + " did not listen on port " + port + " within " + STARTUP + ": "
                        + tail(log));
            }
            Thread.sleep(100);
        }
    }

    private boolean accepts() {
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
}
