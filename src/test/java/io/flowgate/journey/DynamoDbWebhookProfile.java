package io.flowgate.journey;

import io.flowgate.store.DynamoDbStoreProfile;
import io.flowgate.testsupport.WebhookReceiverResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@link WebhookProfile} with the sessions in DynamoDB (dynalite). */
public class DynamoDbWebhookProfile implements QuarkusTestProfile {

    private final DynamoDbStoreProfile dynamoDb = new DynamoDbStoreProfile();

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(new WebhookProfile().getConfigOverrides());
        overrides.putAll(dynamoDb.getConfigOverrides());
        return overrides;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(dynamoDb.testResources().get(0), new TestResourceEntry(WebhookReceiverResource.class));
    }
}
