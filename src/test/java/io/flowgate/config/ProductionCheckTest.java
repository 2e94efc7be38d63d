package io.flowgate.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a packaged artifact refuses to start with, on the real configuration mapping. */
class ProductionCheckTest {

    @Test
    void acceptsHttpsEverywhereAndTheDefaults() {
        assertEquals(List.of(), problems(Map.of()));
        assertEquals(List.of(), problems(Map.of("flowgate.upstream.api-url", "https://kyc.vendor.example",
                "flowgate.upstream.flow-url", "https://remote.vendor.example/flow",
                "flowgate.return-url.allow-localhost-http", "false")));
    }

    @Test
    void acceptsPlainHttpToALoopbackHost() {
        assertEquals(List.of(), problems(Map.of("flowgate.public-base-url", "http://127.0.0.1:8080",
                "flowgate.upstream.api-url", "http://localhost:9000",
                "flowgate.upstream.flow-url", "http://[::1]:9000/flow")));
    }

    @Test
    void refusesAPublicBaseUrlInPlainHttpOnAnotherHost() {
        assertEquals(List.of("flowgate.public-base-url must be https (http only to localhost, 127.0.0.1 or [::1]) "
                + "in production"), problems(Map.of("flowgate.public-base-url", "http://kyc.shop.example.com")));
        assertEquals(List.of("flowgate.public-base-url must be https (http only to localhost, 127.0.0.1 or [::1]) "
                + "in production"), problems(Map.of("flowgate.public-base-url", "http://10.0.0.7:8080")));
    }

    @Test
    void refusesTheVendorsUrlsInPlainHttpOnAnotherHost() {
        assertEquals(List.of("flowgate.upstream.api-url must be https (http only to localhost, 127.0.0.1 or [::1]) "
                + "in production"), problems(Map.of("flowgate.upstream.api-url", "http://kyc.biometric.kz")));
        assertEquals(List.of("flowgate.upstream.flow-url must be https (http only to localhost, 127.0.0.1 or [::1]) "
                + "in production"), problems(Map.of("flowgate.upstream.flow-url", "http://localhost.example.com/f")));
    }

    @Test
    void refusesLocalhostHttpReturnUrls() {
        assertEquals(List.of("flowgate.return-url.allow-localhost-http=true is refused in production: it is for dev "
                + "mode and tests only"), problems(Map.of("flowgate.return-url.allow-localhost-http", "true")));
    }

    @Test
    void leavesAMalformedUrlToTheCheckOfEveryMode() {
        assertEquals(List.of(), problems(Map.of("flowgate.public-base-url", "kyc.shop.example.com")));
    }

    @Test
    void webhookUrlsFollowTheSameRuleInEveryMode() {
        FlowConfig.Webhook plain = config(Map.of("flowgate.flows.individuals.webhook.url", "http://hooks.example.com/x",
                "flowgate.flows.individuals.webhook.secrets", "whsec_u4LzMxZ/8XtZei5Uq+RYP65qjUlANgqLddKKpv/84Mo="))
                .flows().get("individuals").webhook();
        assertEquals(List.of("flowgate.flows.individuals.webhook.url must be an absolute https URL (http only to "
                + "localhost)"), WebhookCheck.problems("individuals", plain));
    }

    private static List<String> problems(Map<String, String> overrides) {
        return ProductionCheck.problems(config(overrides));
    }

    private static FlowgateConfig config(Map<String, String> overrides) {
        Map<String, String> properties = new HashMap<>(Map.of(
                "flowgate.public-base-url", "https://kyc.shop.example.com",
                "flowgate.state-secret", "a-long-enough-secret-for-this-test-0123456789",
                "flowgate.flows.individuals.api-key", "not-a-real-key-0000000000000000000000000000000",
                "flowgate.auth.tokens.backend.sha256", "00c0babdb8a3af83b4bfcc1146593bc2ae88f40dd8bd365bf5eccf49962cf628",
                "flowgate.auth.tokens.backend.flows", "*"));
        properties.putAll(overrides);
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .withConverter(Duration.class, 100, new DurationConverter())
                .withMapping(FlowgateConfig.class)
                .build();
        return config.getConfigMapping(FlowgateConfig.class);
    }
}
