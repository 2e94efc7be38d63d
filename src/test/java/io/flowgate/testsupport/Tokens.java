package io.flowgate.testsupport;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Callers' tokens as flowgate takes them (plain JDK, so the benchmarks in bench/ use it too). */
public final class Tokens {

    private Tokens() {
    }

    /** The {@code Authorization} header's value. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }

    /** The SHA-256 in hex of a token: what {@code flowgate.auth.tokens.<caller>.sha256} holds. */
    public static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
