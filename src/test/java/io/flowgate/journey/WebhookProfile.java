package io.flowgate.journey;

import io.flowgate.testsupport.WebhookReceiverResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** Two sample flows with webhooks to a receiver in the test; three attempts at most, 30 s then 60 s apart. */
public class WebhookProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "flowgate.webhooks.max-attempts", "3",
                "flowgate.webhooks.initial-backoff", "30S",
                "flowgate.webhooks.max-backoff", "10M",
                "flowgate.webhooks.give-up-after", "1H");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(WebhookReceiverResource.class));
    }
}
