package io.flowgate.flow.webhook;

import io.flowgate.config.FlowgateConfig;
import io.flowgate.flow.request.InvalidRequestException;
import io.flowgate.flow.signing.HmacKey;
import io.flowgate.store.FailedWebhookPosition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
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
    private static final int MAX_TOKEN_LENGTH = 512;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    /** One per state secret, newest first: the first signs, any verifies (a token survives a rotation). */
    private final List<HmacKey> keys;

    @Inject
    FailedWebhookPageTokens(FlowgateConfig config) {
        this(config.stateSecret());
    }

    FailedWebhookPageTokens(List<String> stateSecrets) {
        this.keys = HmacKey.derivedFromEach(stateSecrets, "flowgate/failed-webhook-page/v1");
    }

    /** The token of the page that starts right after {@code last}. */
    String after(FailedWebhookPosition last) {
        String payload = BASE64URL.encodeToString((VERSION + "." + last.failedAt().toEpochMilli() + "."
                + last.sessionId()).getBytes(StandardCharsets.UTF_8));
        return payload + "." + BASE64URL.encodeToString(keys.get(0).mac(payload));
    }

    /**
     * The position a token this listing gave stands for.
     *
     * @throws InvalidRequestException {@code invalid_page_token} for anything else: altered, made up, or signed
     *         with a secret no longer configured
     */
    FailedWebhookPosition position(String token) {
        int dot = token.length() > MAX_TOKEN_LENGTH ? -1 : token.lastIndexOf('.');
        if (dot <= 0 || !signed(token.substring(0, dot), token.substring(dot + 1))) {
            throw invalid();
        }
        String[] parts = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8)
                .split("\\.", 3);
        try {
            if (parts.length != 3 || !VERSION.equals(parts[0]) || parts[2].isEmpty()) {
                throw invalid();
            }
            return new FailedWebhookPosition(Instant.ofEpochMilli(Long.parseLong(parts[1])), parts[2]);
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    private boolean signed(String payload, String signature) {
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return keys.stream().anyMatch(key -> MessageDigest.isEqual(key.mac(payload), given));
    }

    private static InvalidRequestException invalid() {
        return new InvalidRequestException("invalid_page_token", "pageToken",
                "pageToken is not one this listing gave: send the nextPageToken of the page before, as it came.");
    }

}
