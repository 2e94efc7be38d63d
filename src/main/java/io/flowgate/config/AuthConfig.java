package io.flowgate.config;

import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Settings of flowgate: see {@link FlowgateConfig#auth()}. */
public interface AuthConfig {
    /**
     * The callers of the integrator-facing functions, by a name of the operator's choosing (it appears in
     * logs). At least one in production.
     */
    Map<String, Token> tokens();

    /**
     * The request header that carries {@code Bearer <token>}. Behind an API Gateway IAM authorizer the
     * {@code Authorization} header holds the caller's SigV4 signature, so serverless.yml names another.
     */
    @WithDefault("Authorization")
    String header();

    interface Token {
        /** The SHA-256 of the token, in hex (64 characters); the token itself is never configured. */
        String sha256();

        /**
         * The flows this caller may use, or {@code *} for every flow. Required: a caller gets every flow (and the
         * raw results of every flow) only when {@code *} is written.
         */
        Optional<List<String>> flows();
    }
}
