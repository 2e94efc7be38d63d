package io.flowgate.bench;

import io.flowgate.testsupport.DynaliteResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@link CampaignProfile} on the DynamoDB store (dynalite), in a table of its own. */
public class DynamoDbCampaignProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(new CampaignProfile().getConfigOverrides());
        overrides.put("flowgate.store.type", "dynamodb");
        overrides.put("flowgate.store.dynamodb.create-table", "true");
        overrides.put("flowgate.store.dynamodb.table", "flowgate-campaign-" + UUID.randomUUID());
        return overrides;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(DynaliteResource.class));
    }
}
