package io.flowgate.config;

import java.util.ArrayList;
import java.util.List;

/**
 * What production adds to {@link ConfigCheck} (a packaged artifact, launched as such: neither dev mode nor tests).
 * The URLs that carry the state token, the flows' API keys or the vendor's session must be {@link SecureUrls
 * secure}, and dev's allowance of plain-http localhost return URLs is refused. Each problem names the property,
 * never its value. Webhook URLs obey the same rule in every mode ({@link WebhookCheck}).
 */
final class ProductionCheck {

    private ProductionCheck() {
    }

    static List<String> problems(FlowgateConfig config) {
        List<String> problems = new ArrayList<>();
        requireSecure(problems, "flowgate.public-base-url", config.publicBaseUrl());
        requireSecure(problems, "flowgate.upstream.api-url", config.upstream().apiUrl());
        requireSecure(problems, "flowgate.upstream.flow-url", config.upstream().flowUrl());
        if (config.returnUrl().allowLocalhostHttp()) {
            problems.add("flowgate.return-url.allow-localhost-http=true is refused in production: it is for dev mode "
                    + "and tests only");
        }
        return problems;
    }

    /** Only a well-formed URL is judged here; a malformed one is already reported by {@link ConfigCheck}. */
    private static void requireSecure(List<String> problems, String property, String url) {
        if (ConfigCheck.isHttpUrl(url) && !SecureUrls.isSecure(url)) {
            problems.add(property + " must be " + SecureUrls.RULE + " in production");
        }
    }
}
