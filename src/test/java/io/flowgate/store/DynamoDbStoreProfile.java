package io.flowgate.store;

import io.flowgate.testsupport.DynaliteResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The application on the DynamoDB store, against dynalite, in a table of its own that it creates at startup. */
public class DynamoDbStoreProfile implements QuarkusTestProfile {

    static final String TABLE = "flowgate-sessions-test-" + UUID.randomUUID();

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "flowgate.store.type", "dynamodb",
                "flowgate.store.dynamodb.create-table", "true",
                "flowgate.store.dynamodb.table", TABLE);
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(DynaliteResource.class));
    }
}
