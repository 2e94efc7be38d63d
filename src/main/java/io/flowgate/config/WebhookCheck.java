package io.flowgate.config;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** What a flow's webhook settings must be; each problem names the property, never its value. */
final class WebhookCheck {

    static final String SECRET_PREFIX = "whsec_";
    static final int MIN_SECRET_BYTES = 24;
    static final int MAX_SECRET_BYTES = 64;

    private WebhookCheck() {
    }

    static List<String> problems(String flow, FlowConfig.Webhook webhook) {
        List<String> problems = new ArrayList<>();
        String prefix = "flowgate.flows." + flow + ".webhook.";
        if (webhook.url().isPresent() && !SecureUrls.isSecure(webhook.url().get())) {
            problems.add(prefix + "url must be an absolute https URL (http only to localhost)");
        }
        List<String> secrets = webhook.secrets().orElse(List.of());
        if (webhook.url().isPresent() && secrets.isEmpty()) {
            problems.add(prefix + "secrets must be set with the url: at least one whsec_ secret");
        }
        for (int i = 0; i < secrets.size(); i++) {
            if (!validSecret(secrets.get(i))) {
                problems.add(prefix + "secrets[" + i + "] must be whsec_ and the base64 of " + MIN_SECRET_BYTES
                        + " to " + MAX_SECRET_BYTES + " bytes");
            }
        }
        return problems;
    }

    private static boolean validSecret(String secret) {
        if (!secret.startsWith(SECRET_PREFIX)) {
            return false;
        }
        try {
            int length = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length())).length;
            return length >= MIN_SECRET_BYTES && length <= MAX_SECRET_BYTES;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
