package io.flowgate.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * {@link Dynalite} for the tests that run the DynamoDB store: the client pointed at it, with static
 * credentials. Without Node.js and npm, or when the server does not come up, the tests fail (never skip) with
 * a message that says why.
 */
public class DynaliteResource implements QuarkusTestResourceLifecycleManager {

    private Dynalite dynalite;

    @Override
    public Map<String, String> start() {
        dynalite = Dynalite.start();
        return Map.of(
                "quarkus.dynamodb.endpoint-override", dynalite.endpoint(),
                "quarkus.dynamodb.aws.region", Dynalite.REGION,
                "quarkus.dynamodb.aws.credentials.type", "static",
                "quarkus.dynamodb.aws.credentials.static-provider.access-key-id", Dynalite.ACCESS_KEY_ID,
                "quarkus.dynamodb.aws.credentials.static-provider.secret-access-key", Dynalite.SECRET_ACCESS_KEY);
    }

    @Override
    public void stop() {
        if (dynalite != null) {
            dynalite.close();
            dynalite = null;
        }
    }
}
