package io.flowgate.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebhookCheckTest {

    private static final String SECRET = "whsec_u4LzMxZ/8XtZei5Uq+RYP65qjUlANgqLddKKpv/84Mo=";

    @Test
    void acceptsAnHttpsUrlWithSecretsAndNoWebhookAtAll() {
        assertEquals(List.of(), WebhookCheck.problems("everyone", webhook("https://shop.example.com/hooks?t=1",
                List.of(SECRET, "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))));
        assertEquals(List.of(), WebhookCheck.problems("everyone", webhook("http://localhost:3000/hooks", List.of(SECRET))));
        assertEquals(List.of(), WebhookCheck.problems("everyone", webhook(null, null)));
    }

    @Test
    void refusesPlainHttpBeyondLocalhostAndAUrlWithoutSecrets() {
        assertEquals(List.of(
                "flowgate.flows.everyone.webhook.url must be an absolute https URL (http only to localhost)",
                "flowgate.flows.everyone.webhook.secrets must be set with the url: at least one whsec_ secret"),
                WebhookCheck.problems("everyone", webhook("http://shop.example.com/hooks", null)));
        assertEquals(List.of("flowgate.flows.x.webhook.url must be an absolute https URL (http only to localhost)"),
                WebhookCheck.problems("x", webhook("shop.example.com/hooks", List.of(SECRET))));
    }

    @Test
    void refusesSecretsThatAreNotWhsecBase64OfTwentyFourToSixtyFourBytesWithoutQuotingThem() {
        assertEquals(List.of(
                "flowgate.flows.x.webhook.secrets[0] must be whsec_ and the base64 of 24 to 64 bytes",
                "flowgate.flows.x.webhook.secrets[1] must be whsec_ and the base64 of 24 to 64 bytes",
                "flowgate.flows.x.webhook.secrets[2] must be whsec_ and the base64 of 24 to 64 bytes"),
                WebhookCheck.problems("x", webhook("https://shop.example.com/", List.of(
                        SECRET.substring(6), "whsec_c2hvcnQ=", "whsec_not base64!"))));
    }

    private static FlowConfig.Webhook webhook(String url, List<String> secrets) {
        return new FlowConfig.Webhook() {
            @Override
            public Optional<String> url() {
                return Optional.ofNullable(url);
            }

            @Override
            public Optional<List<String>> secrets() {
                return Optional.ofNullable(secrets);
            }
        };
    }
}
