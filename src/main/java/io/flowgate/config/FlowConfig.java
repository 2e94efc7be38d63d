package io.flowgate.config;

import java.util.List;
import java.util.Optional;

/** Settings of flowgate: see {@link FlowgateConfig#flows()}. */
public interface FlowConfig {
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
