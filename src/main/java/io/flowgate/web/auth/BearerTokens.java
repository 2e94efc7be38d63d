package io.flowgate.web.auth;

import io.flowgate.config.FlowgateConfig;
import io.flowgate.flow.session.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The configured callers' tokens, held only as SHA-256 hashes. A presented token is hashed and compared
 * with every configured hash in constant time, without stopping at the first match, so the time taken
 * says nothing about which token or which part of it was close.
 */
@ApplicationScoped
public class BearerTokens {

    private final List<Known> known;

    BearerTokens(FlowgateConfig config) {
        this.known = config.auth().tokens().entrySet().stream()
                .map(entry -> new Known(HexFormat.of().parseHex(entry.getValue().sha256().toLowerCase()),
                        Caller.of(entry.getKey(), entry.getValue().flows().orElse(List.of()))))
                .toList();
    }

    /** The caller whose token this is, if any. */
    public Optional<Caller> callerOf(String presentedToken) {
        byte[] presented = sha256(presentedToken);
        Caller match = null;
        for (Known candidate : known) {
            if (MessageDigest.isEqual(candidate.hash(), presented)) {
                match = candidate.caller();
            }
        }
        return Optional.ofNullable(match);
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private record Known(byte[] hash, Caller caller) {
    }
}
