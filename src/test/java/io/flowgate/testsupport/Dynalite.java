package io.flowgate.testsupport;

import java.io.IOException;
import java.util.List;

/**
 * dynalite, a DynamoDB-compatible server on Node.js, on a free loopback port (plain JDK, so the load benchmark
 * in bench/ runs it too). It is installed by the project's own {@code src/test/dynalite/package.json}: when its
 * {@code node_modules} is missing this runs {@code npm ci} there first ({@link NodeServer}). Node.js 20+ and npm
 * must be installed; without them, or when the server does not come up, starting fails with a message that
 * says why.
 */
public final class Dynalite implements AutoCloseable {

    public static final String REGION = "us-east-1";
    public static final String ACCESS_KEY_ID = "dynalite-test-key";
    public static final String SECRET_ACCESS_KEY = "dynalite-test-secret";

    private final NodeServer server;
    private final int port;

    private Dynalite(NodeServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts a server (after {@code npm ci} if needed) and waits until it listens. */
    public static Dynalite start() {
        NodeServer server = new NodeServer("dynalite", "dynalite/cli.js");
        try {
            return new Dynalite(server, server.start(List.of("--host", NodeServer.LOOPBACK, "--port", "{port}")));
        } catch (IOException | RuntimeException e) {
            server.stop();
            throw new IllegalStateException(server.cannotStart("the DynamoDB server of the store tests",
                    e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.stop();
            throw new IllegalStateException(server.cannotStart("the DynamoDB server of the store tests",
                    "interrupted"), e);
        }
    }

    /** The endpoint to give a DynamoDB client ({@code quarkus.dynamodb.endpoint-override}). */
    public String endpoint() {
        return "http://" + NodeServer.LOOPBACK + ":" + port;
    }

    @Override
    public void close() {
        server.stop();
    }
}
