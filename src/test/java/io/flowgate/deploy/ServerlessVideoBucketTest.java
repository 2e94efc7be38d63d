package io.flowgate.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.config.FlowgateConfig;
import io.flowgate.config.StoreConfig;
import io.flowgate.store.VideoBucket;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServerlessVideoBucketTest {

    private final ServerlessYaml yaml = ServerlessYaml.load();
    private final JsonNode bucket = yaml.root().path("resources").path("Resources").path("VideoBucket");

    @Test
    void encryptsTheBucketAndBlocksEveryPublicAccess() {
        assertEquals("AWS::S3::Bucket", bucket.path("Type").asText());
        assertEquals("AES256", bucket.path("Properties").path("BucketEncryption")
                .path("ServerSideEncryptionConfiguration").get(0).path("ServerSideEncryptionByDefault")
                .path("SSEAlgorithm").asText());
        JsonNode block = bucket.path("Properties").path("PublicAccessBlockConfiguration");
        for (String setting : new String[] {"BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls",
                "RestrictPublicBuckets"}) {
            assertEquals(true, block.path(setting).asBoolean(), setting);
        }
        assertEquals("Retain", bucket.path("DeletionPolicy").asText());
    }

    @Test
    void expiresTheVideosWithTheSessionsRetention() throws NoSuchMethodException {
        JsonNode rule = bucket.path("Properties").path("LifecycleConfiguration").path("Rules").get(0);
        String retention = StoreConfig.class.getMethod("retention").getAnnotation(WithDefault.class).value();

        assertEquals("Enabled", rule.path("Status").asText());
        assertEquals(VideoBucket.KEY_PREFIX, rule.path("Prefix").asText());
        assertEquals("${param:retentionDays}", rule.path("ExpirationInDays").asText());
        assertEquals("${param:retentionDays}D",
                yaml.root().path("provider").path("environment").path("FLOWGATE_STORE_RETENTION").asText());
        assertEquals(Duration.parse("P" + retention).toDays(),
                yaml.root().path("params").path("default").path("retentionDays").asLong());
        assertEquals(1, rule.path("AbortIncompleteMultipartUpload").path("DaysAfterInitiation").asInt());
    }

    @Test
    void refusesEveryRequestThatDoesNotComeOverTls() {
        JsonNode policy = yaml.root().path("resources").path("Resources").path("VideoBucketPolicy");
        JsonNode statement = policy.path("Properties").path("PolicyDocument").path("Statement").get(0);

        assertEquals("AWS::S3::BucketPolicy", policy.path("Type").asText());
        assertEquals("VideoBucket", policy.path("Properties").path("Bucket").path("Ref").asText());
        assertEquals("Deny", statement.path("Effect").asText());
        assertEquals("*", statement.path("Principal").asText());
        assertEquals("s3:*", statement.path("Action").asText());
        assertEquals(2, statement.path("Resource").size(), "the bucket and its objects");
        assertEquals("false", statement.path("Condition").path("Bool").path("aws:SecureTransport").asText());
    }

    @Test
    void givesTheFunctionsTheBucketsNameFromTheStack() {
        assertEquals("VideoBucket", yaml.root().path("provider").path("environment")
                .path("FLOWGATE_VIDEO_ARCHIVE_BUCKET").path("Ref").asText());
    }
}
