package io.flowgate.flow.callback;

import io.flowgate.config.FlowgateConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import io.flowgate.store.SessionRecord;
import java.time.Duration;
import java.time.Instant;

/**
 * Builds the address of the vendor's hosted flow. The vendor appends nothing to its
 * {@code redirect}, so the callback address carries a signed, expiring state token naming the
 * session.
 */
@ApplicationScoped
public class VerificationUrls {

    private final String flowUrl;
    private final String publicBaseUrl;
    private final StateTokens stateTokens;
    private final Duration grace;

    VerificationUrls(FlowgateConfig config, StateTokens stateTokens) {
        this.grace = config.session().grace();
        this.flowUrl = withoutTrailingSlash(config.upstream().flowUrl());
        this.publicBaseUrl = withoutTrailingSlash(config.publicBaseUrl());
        this.stateTokens = stateTokens;
    }

    /**
     * The session's verification URL: into the vendor's hosted flow in the session's locale, back to the callback
     * with a state token good until the session's {@code expiresAt} plus {@code flowgate.session.grace}. Signed anew
     * on each call, with the newest state secret.
     */
    public String verificationUrl(SessionRecord session) {
        return verificationUrl(session.sessionId(), session.locale(), session.expiresAt().plus(grace));
    }

    public String verificationUrl(String sessionId, String locale, Instant stateExpiresAt) {
        return flowUrl + "/" + encode(sessionId)
                + "?redirect=" + encode(callbackUrl(sessionId, stateExpiresAt))
                + "&locale=" + encode(locale);
    }

    String callbackUrl(String sessionId, Instant stateExpiresAt) {
        return publicBaseUrl + "/callback?state=" + encode(stateTokens.issue(sessionId, stateExpiresAt));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
