package io.flowgate.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every setting of flowgate, under the prefix {@code flowgate}. Each key is also settable as an
 * environment variable the Quarkus way ({@code flowgate.flows.individuals.api-key} is
 * {@code FLOWGATE_FLOWS_INDIVIDUALS_API_KEY}). The README lists them all with their defaults.
 */
@ConfigMapping(prefix = "flowgate")
public interface FlowgateConfig {

    /** The flows callers may name, by name; each holds the vendor API key of that flow. At least one. */
    Map<String, Flow> flows();

    /** Where the vendor is. */
    Upstream upstream();

    /** Who may call the integrator-facing functions. */
    Auth auth();

    /**
     * The public base URL at which this deployment of flowgate is reached (the API Gateway URL or a
     * custom domain), without a trailing slash; the browser comes back to {@code {public-base-url}/callback}.
     */
    String publicBaseUrl();

    /**
     * The secret that signs the state token carried through the vendor's redirect (HMAC-SHA256).
     * At least 32 characters. Secret: never logged.
     */
    String stateSecret();

    /** The language of the hosted flow when the caller names none: {@code ru} or {@code en}. */
    @WithDefault("ru")
    String defaultLocale();

    /** Where the browser may be sent back to. */
    ReturnUrl returnUrl();

    /** Session timing. */
    Session session();

    /** Limits on the reference photo for face-to-face. */
    Photo photo();

    /** Where sessions are kept. */
    Store store();

    /** The browser's return to flowgate. */
    Callback callback();

    /** Collecting sessions whose browser never came back. */
    Sweep sweep();

    /** Delivering the flows' webhooks: retries and timing (each flow's URL and secrets are under its own name). */
    Webhooks webhooks();

    interface Webhooks {
        /** Attempts per delivery in all, the first included; then it is FAILED until resent. */
        @WithDefault("12")
        int maxAttempts();

        /** The wait after the first failed attempt; each further wait doubles. */
        @WithDefault("30S")
        Duration initialBackoff();

        /** The longest wait between two attempts. */
        @WithDefault("2H")
        Duration maxBackoff();

        /** No attempt is scheduled later than this after the delivery (or its resend) began: it is FAILED then. */
        @WithDefault("24H")
        Duration giveUpAfter();

        /** How long one attempt may take: connecting, sending and the receiver's answer. */
        @WithDefault("10S")
        Duration timeout();

        /** At most this many deliveries per run of the delivery function. */
        @WithDefault("25")
        int batchSize();

        /** Deliver what is due this often inside the process (dev); unset: only when invoked (Lambda: on a schedule). */
        Optional<Duration> interval();
    }

    interface Auth {
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

            /** The flows this caller may use, or {@code *} for every flow. */
            @WithDefault("*")
            List<String> flows();
        }
    }

    interface Callback {
        /** How long the callback may spend collecting the result before it sends the browser on as pending. */
        @WithDefault("5S")
        Duration collectBudget();
    }

    interface Sweep {
        /** Only sessions created longer ago than this are collected by a sweep. */
        @WithDefault("2M")
        Duration olderThan();

        /** At most this many sessions per sweep. */
        @WithDefault("50")
        int batchSize();

        /** Run a sweep this often inside the process (dev); unset: only when invoked (Lambda: on a schedule). */
        Optional<Duration> interval();
    }

    /** The liveness video: its optional archive in S3. */
    Video video();

    interface Video {
        /** The copy of each completed session's video in S3; off while no bucket is named. */
        Archive archive();

        interface Archive {
            /**
             * The S3 bucket that keeps a copy of each completed session's liveness video, under the key
             * {@code videos/<sessionId>}; unset: no archive, the video endpoint streams from the vendor.
             */
            Optional<String> bucket();

            /** How long a presigned URL to an archived video stays valid (at most 7 days, S3's limit). */
            @WithDefault("5M")
            Duration urlExpiry();

            /** The size of each part of the multipart upload, in bytes (at least 5 MiB): the most held in memory. */
            @WithDefault("8388608")
            int partSize();

            /** The bucket's region; unset: the SDK's chain ({@code AWS_REGION} in Lambda). */
            Optional<String> region();

            /** Another S3 endpoint (an S3-compatible server in tests); unset: the region's S3. */
            Optional<String> endpointOverride();

            /** Address the bucket in the path ({@code endpoint/bucket/key}) instead of the host name. */
            @WithDefault("false")
            boolean pathStyleAccess();
        }
    }

    /** The built-in emulator of the vendor (dev and test builds only). */
    Sandbox sandbox();

    /** The demo integrator pages (dev and test builds only). */
    Demo demo();

    interface Demo {
        /**
         * Whether the demo integrator pages ({@code /}, {@code /demo/...}) are built in. A build-time
         * switch: {@code true} in the dev and test profiles, {@code false} (absent from the artifact) in
         * production builds.
         */
        @WithDefault("false")
        boolean enabled();
    }

    interface Store {
        /**
         * {@code dynamodb} (production) or {@code memory} (one process, lost on restart: dev and tests). Any
         * other value stops startup naming this property.
         */
        @WithDefault("dynamodb")
        Type type();

        /** How long a session is kept after its creation; DynamoDB's TTL deletes it afterwards. */
        @WithDefault("30D")
        Duration retention();

        /** The DynamoDB adapter. */
        Dynamodb dynamodb();

        interface Dynamodb {
            /** The sessions table. */
            @WithDefault("flowgate-sessions")
            String table();

            /** Create the table (with its indexes and TTL) at startup if it is missing: dev and tests only. */
            @WithDefault("false")
            boolean createTable();
        }

        /** Where sessions are kept. */
        enum Type {
            MEMORY,
            DYNAMODB
        }
    }

    interface Flow {
        /** The flow's API key from the vendor's dashboard. Secret: never logged or returned. */
        String apiKey();

        /** How this flow's results become a decision; no rules: every session is {@code review}. */
        DecisionRules decision();

        /** Where this flow's integrator is told that a session is final; no URL: no webhook. */
        Webhook webhook();

        interface Webhook {
            /**
             * The integrator's endpoint that receives this flow's events by POST: {@code https}, or {@code http} to
             * localhost only. It may carry a token: never logged (only its host is).
             */
            Optional<String> url();

            /**
             * The signing secrets, each {@code whsec_} and the base64 of 24 to 64 random bytes (Standard Webhooks).
             * Every event is signed with each one, so during a change two are valid. Required with a URL. Secret:
             * never logged or returned.
             */
            Optional<List<String>> secrets();
        }

        interface DecisionRules {
            /** Rules that must all hold for {@code approved}, e.g. {@code /face2face_result/similarity >= 0.8}. */
            Optional<List<String>> approveWhen();

            /** Rules of which any one gives {@code declined}, e.g. {@code /liveness_result/is_live == false}. */
            Optional<List<String>> declineWhen();
        }
    }

    interface Upstream {
        /** Base URL of the vendor's API. */
        @WithDefault("https://kyc.biometric.kz")
        String apiUrl();

        /** Base URL of the vendor's hosted flow page; the session id is appended as a path segment. */
        @WithDefault("https://remote.biometric.kz/flow")
        String flowUrl();

        /** How long to wait for a connection to the vendor. */
        @WithDefault("2S")
        Duration connectTimeout();

        /** How long to wait for the vendor's answer once connected. */
        @WithDefault("10S")
        Duration readTimeout();

        /**
         * The most one call may take, retries and waits included, so that a function never runs into
         * its Lambda timeout.
         */
        @WithDefault("20S")
        Duration maxCallTime();

        /** Retries of the vendor's idempotent reads (result, video) on 5xx, 429, timeouts and connection errors. */
        Retry retry();

        interface Retry {
            /** Attempts in all, the first included; 1 turns retries off. */
            @WithDefault("3")
            int maxAttempts();

            /** The first wait's upper bound; each further wait's bound doubles (full jitter). */
            @WithDefault("200MS")
            Duration initialBackoff();

            /** The largest bound a wait can reach. */
            @WithDefault("2S")
            Duration maxBackoff();
        }
    }

    interface ReturnUrl {
        /**
         * Allowed return URLs, as prefixes: an entry {@code https://shop.example/kyc/} allows every URL on
         * that origin under that path. Empty: no returnUrl is accepted.
         */
        Optional<List<String>> allowed();

        /** Whether {@code http://localhost} and {@code http://127.0.0.1} return URLs are accepted (dev). */
        @WithDefault("false")
        boolean allowLocalhostHttp();
    }

    interface Session {
        /** How long the vendor keeps a session open for the biometric check (10 minutes by its docs). */
        @WithDefault("10M")
        Duration lifetime();

        /** How long after the lifetime the browser may still come back with a valid state token. */
        @WithDefault("5M")
        Duration grace();
    }

    interface Photo {
        /** The largest reference photo accepted, in bytes after base64 decoding. */
        @WithDefault("5242880")
        long maxBytes();
    }

    interface Sandbox {
        /**
         * Whether the sandbox is built in. A build-time switch: {@code true} in the dev and test
         * profiles, {@code false} (absent from the artifact) in production builds.
         */
        @WithDefault("false")
        boolean enabled();

        /** The port of the sandbox's own HTTP server (the vendor's API and hosted flow page). */
        @WithDefault("8089")
        int port();

        /**
         * The interface the sandbox's server binds to. {@code localhost} keeps the sandbox (which takes
         * any configured key and hands out fake results) off the network.
         */
        @WithDefault("localhost")
        String host();

        /** How long a sandbox session stays open for the hosted flow (the vendor's 10 minutes). */
        @WithDefault("10M")
        Duration sessionLifetime();

        /** How many received requests the sandbox keeps for tests to inspect; the oldest go first. */
        @WithDefault("200")
        int maxRecordedRequests();

        /** The flows the sandbox knows, by name: API key and technologies. */
        Map<String, SandboxFlow> flows();

        interface SandboxFlow {
            /** The API key the sandbox accepts for this flow. */
            String apiKey();

            /** The flow's technologies, in order, e.g. {@code LD,ED,F2F}. */
            List<String> technologies();
        }
    }
}
