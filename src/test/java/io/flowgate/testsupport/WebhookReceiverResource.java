package io.flowgate.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A {@link WebhookReceiver} for the application under test, and the webhook settings that point two sample flows
 * at it: {@code everyone} signs with two secrets (a rotation under way), {@code legal-entities} with one;
 * {@code individuals} has no webhook. The everyone URL carries a token, which must never reach a log.
 */
public class WebhookReceiverResource implements QuarkusTestResourceLifecycleManager {

    public static final String OLD_SECRET = "whsec_u4LzMxZ/8XtZei5Uq+RYP65qjUlANgqLddKKpv/84Mo=";
    public static final String NEW_SECRET = "whsec_uTzSMvTuqxD6zTtVIE2PMaTmR2BAArBkpWn1odARUSA=";
    public static final String LEGAL_SECRET = "whsec_UIR114y6Iba0VEl9RmWiJtUjwSEB6IjVWTUSuPngKpw=";
    public static final String URL_TOKEN = "url-token-3f9c2a";

    private static WebhookReceiver receiver;

    /** The running receiver (one per application start). */
    public static WebhookReceiver receiver() {
        return receiver;
    }

    @Override
    public Map<String, String> start() {
        receiver = WebhookReceiver.start(Map.of("old", OLD_SECRET, "new", NEW_SECRET, "legal", LEGAL_SECRET));
        return Map.of(
                "flowgate.flows.everyone.webhook.url", receiver.url("/hooks/everyone?token=" + URL_TOKEN),
                "flowgate.flows.everyone.webhook.secrets", OLD_SECRET + "," + NEW_SECRET,
                "flowgate.flows.legal-entities.webhook.url", receiver.url("/hooks/legal"),
                "flowgate.flows.legal-entities.webhook.secrets", LEGAL_SECRET);
    }

    @Override
    public void stop() {
        if (receiver != null) {
            receiver.close();
        }
    }
}
