package io.flowgate.web;

import io.flowgate.client.UpstreamKeyRejectedException;
import io.flowgate.client.UpstreamOperation;
import io.flowgate.client.UpstreamRequestRejectedException;
import io.flowgate.client.UpstreamSessionUnknownException;
import io.flowgate.client.UpstreamUnavailableException;
import io.flowgate.flow.creation.FlowNotAllowedException;
import io.flowgate.flow.creation.ReferenceConflictException;
import io.flowgate.flow.creation.SessionNotRecordedException;
import io.flowgate.flow.request.InvalidRequestException;
import io.flowgate.flow.session.FlowNotConfiguredException;
import io.flowgate.flow.session.SessionNotFoundException;
import io.flowgate.flow.video.VideoNotFoundException;
import io.flowgate.flow.video.VideoTooLargeForDirectAnswerException;
import io.flowgate.flow.webhook.WebhookConflictException;
import io.flowgate.flow.redaction.RedactionIncompleteException;
import io.flowgate.flow.session.SessionConflictException;
import io.flowgate.store.ConcurrentUpdateException;
import java.time.Duration;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The one mapping from what went wrong to the answer, shared by Funqy routes and REST endpoints so
 * that an error looks the same whichever route raised it. Every answer is logged once, without
 * personal data: 4xx at INFO, 5xx at WARN or ERROR.
 */
public final class Problems {

    private static final Logger LOG = Logger.getLogger(Problems.class);
    private static final Duration RETRY_UNAVAILABLE = Duration.ofSeconds(5);
    private static final Duration RETRY_RATE_LIMITED = Duration.ofSeconds(30);

    private Problems() {
    }

    /** The answer to a failure raised while handling {@code path}. */
    public static ProblemResponse forFailure(Throwable failure, String path) {
        ProblemResponse response = map(failure);
        if (response.status() == 500) {
            String errorId = UUID.randomUUID().toString();
            LOG.errorf("request.failed status=500 path=%s errorId=%s exception=%s", path, errorId,
                    SafeThrowables.describe(failure));
            return ProblemResponse.of(Problem.of(500, "Internal error", "internal_error",
                    "flowgate failed unexpectedly; quote error id " + errorId + " to the operator.", null));
        }
        log(response.problem(), path);
        return response;
    }

    /** The answer when the HTTP layer failed the request with only a status (bad JSON, unknown path, ...). */
    public static ProblemResponse forStatus(int status, String path) {
        Problem problem = switch (status) {
            case 400 -> Problem.of(400, "Invalid request", "malformed_request",
                    "The body is not valid JSON for this function.", null);
            case 404 -> Problem.of(404, "Not found", "not_found", "No function or resource at this path.", null);
            case 405 -> Problem.of(405, "Method not allowed", "method_not_allowed",
                    "This path does not take that method: functions take POST with a JSON body.", null);
            case 413 -> Problem.of(413, "Body too large", "body_too_large",
                    "The request body is over the size limit.", null);
            case 415 -> Problem.of(415, "Unsupported media type", "unsupported_media_type",
                    "Send the body as application/json.", null);
            default -> Problem.of(status, "Request failed", "http_" + status, "The request failed.", null);
        };
        log(problem, path);
        return ProblemResponse.of(problem);
    }

    /** The problem body refusing a direct invocation this process does not take, logged as a rejection. */
    public static String directInvocationRefused(String detail) {
        Problem problem = Problem.of(400, "Direct invocation not supported", "direct_invocation_unsupported", detail,
                null);
        log(problem, "(direct invocation)");
        return ProblemJson.write(problem);
    }

    /** The answer to a request without a valid token; the same whatever was wrong with it. */
    public static ProblemResponse unauthorized(String header) {
        return ProblemResponse.of(Problem.of(401, "Unauthorized", "unauthorized",
                "Send a valid token as '" + header + ": Bearer <token>'.", null));
    }

    private static ProblemResponse map(Throwable failure) {
        if (failure instanceof InvalidRequestException invalid) {
            return ProblemResponse.of(Problem.of(400, "Invalid request", invalid.code(), invalid.getMessage(),
                    invalid.field()));
        }
        if (failure instanceof FlowNotAllowedException) {
            return ProblemResponse.of(Problem.of(403, "Flow not allowed", "flow_not_allowed",
                    "This caller may not use that flow.", "flow"));
        }
        if (failure instanceof FlowNotConfiguredException notConfigured) {
            return ProblemResponse.of(Problem.of(409, "Flow not configured", "flow_not_configured",
                    notConfigured.getMessage() + " An operator must restore its key.", null));
        }
        if (failure instanceof ReferenceConflictException conflict) {
            Problem problem = Problem.of(409, "Reference in use", conflict.inProgress() ? "reference_in_progress"
                    : "reference_conflict", conflict.getMessage(), "reference");
            return conflict.inProgress() ? ProblemResponse.retryAfter(problem, Duration.ofSeconds(1))
                    : ProblemResponse.of(problem);
        }
        if (failure instanceof SessionNotFoundException notFound) {
            return ProblemResponse.of(Problem.of(404, "Session not found", "session_not_found", notFound.getMessage(),
                    null));
        }
        if (failure instanceof WebhookConflictException conflict) {
            return ProblemResponse.of(Problem.of(409, "Conflict", conflict.code(), conflict.getMessage(), null));
        }
        if (failure instanceof SessionConflictException conflict) {
            return ProblemResponse.of(Problem.of(409, "Conflict", conflict.code(), conflict.getMessage(), null));
        }
        if (failure instanceof RedactionIncompleteException incomplete) {
            return ProblemResponse.retryAfter(Problem.of(503, "Redaction incomplete", "redaction_incomplete",
                    incomplete.getMessage(), null), Duration.ofSeconds(5));
        }
        if (failure instanceof SessionNotRecordedException) {
            return ProblemResponse.retryAfter(Problem.of(503, "Store unavailable", "store_unavailable",
                    "The vendor created the session but flowgate could not store it yet. Repeat the same request "
                            + "with the same reference: it answers with that session, and is never charged twice.",
                    null), Duration.ofSeconds(5));
        }
        if (failure instanceof ConcurrentUpdateException) {
            return ProblemResponse.retryAfter(Problem.of(503, "Busy", "concurrent_update",
                    "The session was changing under us; try again.", null), Duration.ofSeconds(1));
        }
        if (failure instanceof UpstreamKeyRejectedException) {
            return ProblemResponse.of(Problem.of(502, "Vendor rejected the API key", "upstream_key_rejected",
                    "The vendor rejected the API key configured for this flow; an operator must check it.", null));
        }
        if (failure instanceof VideoTooLargeForDirectAnswerException tooLarge) {
            return ProblemResponse.of(Problem.of(422, "Video too large for a direct answer",
                    "video_too_large_for_direct_answer", "The video is larger than " + tooLarge.limit()
                            + " bytes, the most an answer through Lambda can carry; with the video archive on "
                            + "(flowgate.video.archive.bucket) a completed session's video is answered with a redirect "
                            + "to its copy, of any size (see docs/video.md).", null));
        }
        if (failure instanceof VideoNotFoundException || failure instanceof UpstreamSessionUnknownException unknown
                && unknown.operation() == UpstreamOperation.DOWNLOAD_VIDEO) {
            return ProblemResponse.of(Problem.of(404, "Video not found", "video_not_found",
                    "The vendor has no liveness video for this session.", null));
        }
        if (failure instanceof UpstreamSessionUnknownException) {
            return ProblemResponse.of(Problem.of(404, "Session not found", "upstream_session_unknown",
                    "The vendor knows no such session.", null));
        }
        if (failure instanceof UpstreamRequestRejectedException rejected) {
            return ProblemResponse.of(Problem.of(422, "Vendor rejected the request", "upstream_rejected",
                    "The vendor rejected the request: " + rejected.vendorMessage(), null));
        }
        if (failure instanceof UpstreamUnavailableException unavailable) {
            return unavailable(unavailable);
        }
        return ProblemResponse.of(Problem.of(500, "Internal error", "internal_error", null, null));
    }

    private static ProblemResponse unavailable(UpstreamUnavailableException failure) {
        return switch (failure.reason()) {
            case TIMEOUT, OUT_OF_TIME -> ProblemResponse.of(Problem.of(504, "Vendor timed out", "upstream_timeout",
                    "The vendor did not answer within this function's time budget; it is safe to check the "
                            + "session's state before retrying.", null));
            case MALFORMED_RESPONSE -> ProblemResponse.of(Problem.of(502, "Vendor answered badly",
                    "upstream_malformed_response", "The vendor's answer did not follow its contract.", null));
            case RATE_LIMITED -> ProblemResponse.retryAfter(Problem.of(503, "Vendor rate limit",
                    "upstream_rate_limited", "The vendor is limiting requests; try again later.", null),
                    RETRY_RATE_LIMITED);
            case SERVER_ERROR, CONNECTION_FAILED, NOT_CONNECTED -> ProblemResponse.retryAfter(Problem.of(503,
                    "Vendor unavailable", "upstream_unavailable", "The vendor is unavailable; try again later.",
                    null), RETRY_UNAVAILABLE);
        };
    }

    private static void log(Problem problem, String path) {
        if (problem.status() >= 500) {
            LOG.warnf("request.failed status=%d code=%s path=%s", problem.status(), problem.code(), path);
        } else {
            LOG.infof("request.rejected status=%d code=%s field=%s path=%s", problem.status(), problem.code(),
                    problem.field() == null ? "-" : problem.field(), path);
        }
    }
}
