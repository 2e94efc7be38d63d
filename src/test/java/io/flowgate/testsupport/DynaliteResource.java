package io.flowgate.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * dynalite, a DynamoDB-compatible server on Node.js, on a free loopback port, for the tests that run the
 * DynamoDB store. It is installed by the project's own {@code src/test/dynalite/package.json}: when its
 * {@code node_modules} is missing this runs {@code npm ci} there first. Node.js 20+ and npm must be installed;
 * without them, or when the server does not come up, the tests fail (never skip) with a message that says why.
 */
public class DynaliteResource implements QuarkusTestResourceLifecycleManager {

    private final NodeServer server = new NodeServer("dynalite", "dynalite/cli.js");

    @Override
    public Map<String, String> start() {
        try {
            int port = server.start(List.of("--host", NodeServer.LOOPBACK, "--port", "{port}"));
            return Map.of(
                    "quarkus.dynamodb.endpoint-override", "http://" + NodeServer.LOOPBACK + ":" + port,
                    "quarkus.dynamodb.aws.region", "us-east-1",
                    "quarkus.dynamodb.aws.credentials.type", "static",
                    "quarkus.dynamodb.aws.credentials.static-provider.access-key-id", "dynalite-test-key",
                    "quarkus.dynamodb.aws.credentials.static-provider.secret-access-key", "dynalite-test-secret");
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

    @Override
    public void stop() {
        server.stop();
    }
}
