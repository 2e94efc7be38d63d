package io.flowgate.testsupport;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A test profile on the DynamoDB store, against dynalite, in a table of its own that the application creates at
 * startup; a subclass adds its own settings.
 */
public abstract class OnDynamoDbProfile implements QuarkusTestProfile {

    /** The settings of the profile besides the store's. */
    protected abstract Map<String, String> settings();

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(settings());
        overrides.put("flowgate.store.type", "dynamodb");
        overrides.put("flowgate.store.dynamodb.create-table", "true");
        overrides.put("flowgate.store.dynamodb.table", "flowgate-test-" + UUID.randomUUID());
        return overrides;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(DynaliteResource.class));
    }
}
