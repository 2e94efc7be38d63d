package io.flowgate.flow.listing;

import io.flowgate.config.FlowgateConfig;
import io.flowgate.flow.request.InvalidRequestException;
import io.flowgate.flow.signing.SignedTokens;
import io.flowgate.store.SessionPosition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/**
 * The page tokens of the session listing: where the next page starts (the position of the last session listed,
 * {@code v1.<createdAt epoch ms>.<sessionId>}) as a {@link SignedTokens} token bound to the caller and the
 * listing's filters. Opaque and tamper-proof: a token altered or made up, one given to another caller, or one
 * given for other filters, is refused ({@code invalid_page_token}) before anything is read.
 */
@ApplicationScoped
public class SessionPageTokens {

    private static final String VERSION = "v1";

    private final SignedTokens tokens;

    @Inject
    SessionPageTokens(FlowgateConfig config) {
        this(config.stateSecret());
    }

    SessionPageTokens(List<String> stateSecrets) {
        this.tokens = new SignedTokens(stateSecrets, "flowgate/session-page/v1");
    }

    /** The token of the page that starts right after {@code last}, for the listing {@code context} names. */
    String after(SessionPosition last, String context) {
        return tokens.sign(VERSION + "." + last.createdAt().toEpochMilli() + "." + last.sessionId(), context);
    }

    /**
     * The position a token stands for that this listing gave for {@code context}.
     *
     * @throws InvalidRequestException {@code invalid_page_token} for anything else
     */
    SessionPosition position(String token, String context) {
        String[] parts = tokens.read(token, context).orElseThrow(SessionPageTokens::invalid).split("\\.", 3);
        try {
            if (parts.length != 3 || !VERSION.equals(parts[0]) || parts[2].isEmpty()) {
                throw invalid();
            }
            return new SessionPosition(Instant.ofEpochMilli(Long.parseLong(parts[1])), parts[2]);
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    private static InvalidRequestException invalid() {
        return new InvalidRequestException("invalid_page_token", "pageToken",
                "pageToken is not one this listing gave for these filters: send the nextPageToken of the page "
                        + "before, as it came, with the same filters.");
    }
}
