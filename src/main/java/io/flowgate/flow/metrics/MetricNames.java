package io.flowgate.flow.metrics;

import java.util.List;

/**
 * The names of the metrics flowgate writes, and of their dimensions. serverless.yml's alarms and dashboard name the
 * same metrics (the deployment tests read them from here); docs/operations.md#metrics says what each counts.
 */
public final class MetricNames {

    /** Sessions created at the vendor (paid), by flow. */
    public static final String SESSIONS_CREATED = "SessionsCreated";
    /** Sessions made COMPLETED, by flow. */
    public static final String SESSIONS_COMPLETED = "SessionsCompleted";
    /** Sessions made EXPIRED, by flow. */
    public static final String SESSIONS_EXPIRED = "SessionsExpired";
    /** Sessions made CANCELLED by their integrator (cancelSession), by flow. */
    public static final String SESSIONS_CANCELLED = "SessionsCancelled";
    /** Decisions of sessions made final, by flow and decision. */
    public static final String DECISIONS = "Decisions";
    /** Calls to the vendor (each attempt), by endpoint and outcome, and in all. */
    public static final String VENDOR_CALLS = "VendorCalls";
    /** Calls the vendor failed (no answer, 5xx, 429, a malformed answer, a refused key): 0 or 1 a call. */
    public static final String VENDOR_ERRORS = "VendorErrors";
    /** How long a call to the vendor took, in milliseconds. */
    public static final String VENDOR_LATENCY = "VendorLatency";
    /** Webhook attempts, by flow and in all. */
    public static final String WEBHOOK_ATTEMPTS = "WebhookAttempts";
    /** Webhook attempts that were not accepted (retried later or given up): 0 or 1 an attempt. */
    public static final String WEBHOOK_FAILURES = "WebhookFailures";
    /** Webhook deliveries given up, their attempts spent: 0 or 1 an attempt. */
    public static final String WEBHOOKS_GIVEN_UP = "WebhooksGivenUp";
    /** Sessions a sweep examined. */
    public static final String SWEEP_EXAMINED = "SweepExamined";
    /** Sessions a sweep made final (COMPLETED or EXPIRED). */
    public static final String SWEEP_FINALISED = "SweepFinalised";
    /** Sessions a sweep could not collect (they stay due). */
    public static final String SWEEP_FAILED = "SweepFailed";
    /** Sessions due that a sweep left for the next one, its time budget spent. */
    public static final String SWEEP_LEFT_OVER = "SweepLeftOver";
    /** Liveness videos copied to the archive bucket. */
    public static final String VIDEO_COPIES = "VideoCopies";
    /** Copies of liveness videos that failed (each is tried again until its attempts run out). */
    public static final String VIDEO_COPY_FAILURES = "VideoCopyFailures";
    /** Processes started (a Lambda cold start), by function. */
    public static final String COLD_STARTS = "ColdStarts";

    /** Every metric above. */
    public static final List<String> ALL = List.of(SESSIONS_CREATED, SESSIONS_COMPLETED, SESSIONS_EXPIRED, DECISIONS,
            SESSIONS_CANCELLED, VENDOR_CALLS, VENDOR_ERRORS, VENDOR_LATENCY, WEBHOOK_ATTEMPTS, WEBHOOK_FAILURES, WEBHOOKS_GIVEN_UP,
            SWEEP_EXAMINED, SWEEP_FINALISED, SWEEP_FAILED, SWEEP_LEFT_OVER, VIDEO_COPIES, VIDEO_COPY_FAILURES,
            COLD_STARTS);

    /** The dimension of a flow's name (from the configuration, never from a caller's input). */
    public static final String FLOW = "flow";
    /** The vendor endpoint: {@code create}, {@code result} or {@code video}. */
    public static final String ENDPOINT = "endpoint";
    /** What a call came to: {@code ok} or the failure's kind (a closed set, see docs/operations.md). */
    public static final String OUTCOME = "outcome";
    /** A session's decision: {@code approved}, {@code declined}, {@code review} or {@code none}. */
    public static final String DECISION = "decision";
    /** The deployed function ({@code FLOWGATE_FUNCTION}, {@code all} where unset). */
    public static final String FUNCTION = "function";

    private MetricNames() {
    }
}
