package io.flowgate.readme;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.util.List;
import java.util.Map;

/** Checks deliveries of flowgate's webhooks with the flow's whsec_ secret. */
public final class FlowgateWebhooks {

    private final Webhook webhook;

    public FlowgateWebhooks(String secret) throws EmptyWebhookSecretException {
        this.webhook = new Webhook(secret);
    }

    /**
     * Whether a delivery is genuine: its signature over "<webhook-id>.<webhook-timestamp>.<body>" matches and
     * its timestamp is within 5 minutes of now. The body as received (UTF-8), the request's headers in any case.
     */
    public boolean isGenuine(String body, Map<String, List<String>> headers) {
        try {
            webhook.verify(body, headers);
            return true;
        } catch (WebhookVerificationException e) {
            return false;
        }
    }
}
