package io.flowgate.flow.webhook;

import io.flowgate.config.FlowgateConfig;
import io.flowgate.flow.request.InvalidRequestException;
import io.flowgate.flow.signing.SignedTokens;
import io.flowgate.store.FailedWebhookPosition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/**
 * The page tokens of the failed-deliveries listing: where the next page starts (the position of the last delivery
 * listed), as {@code <payload>.<signature>}, the payload being the unpadded base64url of
 * {@code v1.<failedAt epoch ms>.<sessionId>} and the signature the unpadded base64url HMAC-SHA256 of the payload
 * under a key derived from the state secret. Opaque to the caller and tamper-proof: a token this listing did not
 * give is refused ({@code invalid_page_token}) before anything is read. A token names no flow: the next page is of
 * the flows the caller may use when it asks for it.
 */
@ApplicationScoped
public class FailedWebhookPageTokens {

    private static final String VERSION = "v1";

    private final SignedTokens tokens;

    @Inject
    FailedWebhookPageTokens(FlowgateConfig config) {
        this(config.stateSecret());
    }

    FailedWebhookPageTokens(List<String> stateSecrets) {
        this.tokens = new SignedTokens(stateSecrets, "flowgate/failed-webhook-page/v1");
    }

    /** The token of the page that starts right after {@code last}. */
    String after(FailedWebhookPosition last) {
        return tokens.sign(VERSION + "." + last.failedAt().toEpochMilli() + "." + last.sessionId(), "");
    }

    /**
     * The position a token this listing gave stands for.
     *
     * @throws InvalidRequestException {@code invalid_page_token} for anything else: altered, made up, or signed
     *         with a secret no longer configured
     */
    FailedWebhookPosition position(String token) {
        String[] parts = tokens.read(token, "").orElseThrow(FailedWebhookPageTokens::invalid).split("\\.", 3);
        try {
            if (parts.length != 3 || !VERSION.equals(parts[0]) || parts[2].isEmpty()) {
                throw invalid();
            }
            return new FailedWebhookPosition(Instant.ofEpochMilli(Long.parseLong(parts[1])), parts[2]);
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    private static InvalidRequestException invalid() {
        return new InvalidRequestException("invalid_page_token", "pageToken",
                "pageToken is not one this listing gave: send the nextPageToken of the page before, as it came.");
    }
}
