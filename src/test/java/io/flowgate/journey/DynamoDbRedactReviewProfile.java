package io.flowgate.journey;

import io.flowgate.store.DynamoDbStoreProfile;
import io.flowgate.testsupport.S3rverResource;
import io.flowgate.testsupport.WebhookReceiverResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@link RedactReviewProfile} with the sessions in DynamoDB (dynalite). */
public class DynamoDbRedactReviewProfile implements QuarkusTestProfile {

    private final DynamoDbStoreProfile dynamoDb = new DynamoDbStoreProfile();

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(new RedactReviewProfile().getConfigOverrides());
        overrides.putAll(dynamoDb.getConfigOverrides());
        return overrides;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(dynamoDb.testResources().get(0), new TestResourceEntry(WebhookReceiverResource.class),
                new TestResourceEntry(S3rverResource.class));
    }
}
