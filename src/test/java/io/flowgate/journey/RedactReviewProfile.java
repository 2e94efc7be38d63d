package io.flowgate.journey;

import io.flowgate.testsupport.S3rverResource;
import io.flowgate.testsupport.WebhookReceiverResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** {@link WebhookProfile}'s webhooks, and the video archive in a bucket of s3rver: what redaction and review touch. */
public class RedactReviewProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return new WebhookProfile().getConfigOverrides();
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(WebhookReceiverResource.class),
                new TestResourceEntry(S3rverResource.class));
    }
}
