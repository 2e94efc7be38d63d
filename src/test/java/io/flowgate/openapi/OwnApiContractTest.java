package io.flowgate.openapi;

import static io.flowgate.journey.Journeys.passFlow;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.flowgate.journey.WebhookProfile;
import io.flowgate.sandbox.Endpoint;
import io.flowgate.sandbox.Fault;
import io.flowgate.sandbox.Sandbox;
import io.flowgate.store.SessionRecord;
import io.flowgate.store.SessionStatus;
import io.flowgate.store.SessionStore;
import io.flowgate.store.WebhookDelivery;
import io.flowgate.testsupport.FakeIins;
import io.flowgate.testsupport.MutableClock;
import io.flowgate.testsupport.TestCallers;
import io.flowgate.testsupport.TestImages;
import io.flowgate.testsupport.openapi.OpenApiContract;
import io.flowgate.testsupport.openapi.OpenApiValidationFilter;
import io.flowgate.web.FunctionRoutes;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every function of flowgate, answering well and badly, through the Lambda event path, checked against
 * {@code docs/openapi.yaml}: the filter fails a case on any request or answer the document does not allow. A case
 * whose request breaks the document on purpose ({@link #malformed}) has only its answer checked.
 *
 * <p>To cover a new function: document its operation, then add a method of cases below and name it in
 * {@link #cases()}; {@link #everyFunctionIsDocumentedAndHasCases()} fails until both are done.
 */
@QuarkusTest
@TestProfile(WebhookProfile.class)
class OwnApiContractTest {

    private static final OpenApiContract CONTRACT = OpenApiContract.load(OpenApiContract.FLOWGATE);
    private static final OpenApiValidationFilter STRICT = OpenApiValidationFilter.strict(CONTRACT);
    private static final OpenApiValidationFilter RESPONSES_ONLY = OpenApiValidationFilter.responsesOnly(CONTRACT);
    private static final String RETURN_URL = "https://shop.example.com/kyc/done";
    private static final String WRONG_TOKEN = "Bearer not-a-token-of-any-caller";
    private static final String UNKNOWN_SESSION = "00000000-0000-4000-8000-000000000000";

    @Inject
    Sandbox sandbox;

    @Inject
    SessionStore store;

    @Inject
    MutableClock clock;

    /**
     * One request and the answer expected.
     *
     * @param conforming whether the request is one the document allows (else only the answer is checked)
     * @param code the problem's code, for a problem
     */
    record Case(String operation, String name, int status, String code, boolean conforming,
            BiFunction<OwnApiContractTest, RequestSpecification, Response> call) {

        @Override
        public String toString() {
            return operation + ": " + name + " -> " + status + (code == null ? "" : " " + code);
        }
    }

    static Case ok(String operation, String name, int status,
            BiFunction<OwnApiContractTest, RequestSpecification, Response> call) {
        return new Case(operation, name, status, null, true, call);
    }

    /** A request the document allows, refused by what flowgate knows (a session, a token, the vendor). */
    static Case refused(String operation, String name, int status, String code,
            BiFunction<OwnApiContractTest, RequestSpecification, Response> call) {
        return new Case(operation, name, status, code, true, call);
    }

    /** A request that breaks the document on purpose: only its answer is checked. */
    static Case malformed(String operation, String name, int status, String code,
            BiFunction<OwnApiContractTest, RequestSpecification, Response> call) {
        return new Case(operation, name, status, code, false, call);
    }

    static Stream<Case> cases() {
        return Stream.of(createSession(), getResult(), collectResult(), callback(), video(), listFailedWebhooks(),
                resendWebhook(), sweep(), deliverWebhooks(), listSessions(), cancelSession(), resumeSession(),
                reviewSession(), redactSession()).flatMap(List::stream);
    }

    static List<Case> createSession() {
        String op = "createSession";
        return List.of(
                ok(op, "a flow only", 200, (t, api) -> post(api, "/createSession", "{\"flow\":\"everyone\"}")),
                ok(op, "every field", 200, (t, api) -> post(api, "/createSession", "{\"flow\":\"individuals\","
                        + "\"reference\":\"" + reference() + "\",\"locale\":\"en\",\"returnUrl\":\"" + RETURN_URL + "\","
                        + "\"prefill\":{\"iin\":{\"value\":\"" + FakeIins.valid(7) + "\",\"changeable\":false},"
                        + "\"phone\":{\"value\":\"+7 701 000 0000\",\"changeable\":false},\"skipInput\":true,"
                        + "\"photo\":\"" + TestImages.jpegBase64() + "\"},\"interchangeableTech\":[\"ED\",\"DR\"]}")),
                refused(op, "an unknown flow", 400, "unknown_flow",
                        (t, api) -> post(api, "/createSession", "{\"flow\":\"corporate\"}")),
                refused(op, "an IIN whose check digit is wrong", 400, "invalid_iin", (t, api) -> post(api,
                        "/createSession", "{\"flow\":\"individuals\",\"prefill\":{\"iin\":{\"value\":\""
                                + FakeIins.withWrongCheckDigit(7) + "\"}}}")),
                ok(op, "with metadata", 200, (t, api) -> post(api, "/createSession",
                        "{\"flow\":\"everyone\",\"metadata\":{\"orderId\":\"1001\",\"channel\":\"web\"}}")),
                malformed(op, "a metadata value that is not a string", 400, "invalid_metadata", (t, api) -> post(api,
                        "/createSession", "{\"flow\":\"everyone\",\"metadata\":{\"orderId\":1001}}")),
                malformed(op, "more than 20 metadata keys", 400, "invalid_metadata", (t, api) -> post(api,
                        "/createSession", "{\"flow\":\"everyone\",\"metadata\":" + manyKeys(21) + "}")),
                malformed(op, "an unknown field", 400, "unknown_field",
                        (t, api) -> post(api, "/createSession", "{\"flow\":\"everyone\",\"colour\":\"red\"}")),
                malformed(op, "a field of the wrong type", 400, "invalid_field_type", (t, api) -> post(api,
                        "/createSession", "{\"flow\":\"everyone\",\"prefill\":{\"skipInput\":\"yes\"}}")),
                malformed(op, "a reference with a space", 400, "invalid_reference",
                        (t, api) -> post(api, "/createSession", "{\"flow\":\"everyone\",\"reference\":\"a b\"}")),
                malformed(op, "no body", 400, "missing_body",
                        (t, api) -> api.contentType(ContentType.JSON).post("/createSession")),
                refused(op, "an unknown token", 401, "unauthorized", (t, api) -> post(api.header("Authorization",
                        WRONG_TOKEN), "/createSession", "{\"flow\":\"everyone\"}")),
                refused(op, "a flow the caller may not use", 403, "flow_not_allowed", (t, api) -> post(api.header(
                        "Authorization", TestCallers.bearer(TestCallers.LEGAL_ENTITIES_ONLY_TOKEN)), "/createSession",
                        "{\"flow\":\"individuals\"}")),
                refused(op, "a reference used with other parameters", 409, "reference_conflict", (t, api) -> {
                    String reference = reference();
                    post(given(), "/createSession", "{\"flow\":\"everyone\",\"reference\":\"" + reference + "\"}")
                            .then().statusCode(200);
                    return post(api, "/createSession", "{\"flow\":\"individuals\",\"reference\":\"" + reference + "\"}");
                }),
                refused(op, "the vendor rejects the request", 422, "upstream_rejected", (t, api) -> {
                    t.sandbox.injectNext(Endpoint.CREATE, 1, new Fault.Status(400, "Invalid metadata"));
                    return post(api, "/createSession", "{\"flow\":\"everyone\"}");
                }),
                refused(op, "the vendor rejects the flow's key", 502, "upstream_key_rejected",
                        (t, api) -> post(api, "/createSession", "{\"flow\":\"revoked\"}")),
                refused(op, "the vendor is down", 503, "upstream_unavailable", (t, api) -> {
                    t.sandbox.injectNext(Endpoint.CREATE, 1, new Fault.Status(503, "down"));
                    return post(api, "/createSession", "{\"flow\":\"everyone\"}");
                }),
                refused(op, "the vendor does not answer in time", 504, "upstream_timeout", (t, api) -> {
                    t.sandbox.injectNext(Endpoint.CREATE, 1, new Fault.Delay(Duration.ofSeconds(3)));
                    return post(api, "/createSession", "{\"flow\":\"everyone\"}");
                }));
    }

    static List<Case> getResult() {
        String op = "getResult";
        return List.of(
                ok(op, "an open session by id", 200,
                        (t, api) -> post(api, "/getResult", "{\"sessionId\":\"" + t.open("individuals") + "\"}")),
                ok(op, "a session by reference", 200, (t, api) -> {
                    String reference = reference();
                    post(given(), "/createSession", "{\"flow\":\"everyone\",\"reference\":\"" + reference + "\"}")
                            .then().statusCode(200);
                    return post(api, "/getResult", "{\"reference\":\"" + reference + "\"}");
                }),
                ok(op, "a completed session with its document, webhook and raw results", 200,
                        (t, api) -> post(api, "/getResult", "{\"sessionId\":\"" + t.completed("legal-entities")
                                + "\",\"includeRaw\":true}")),
                ok(op, "a session with its metadata", 200, (t, api) -> {
                    String sessionId = post(given(), "/createSession", "{\"flow\":\"everyone\",\"metadata\":"
                            + "{\"orderId\":\"1001\",\"channel\":\"web\"}}").then().statusCode(200).extract()
                            .path("sessionId");
                    return post(api, "/getResult", "{\"sessionId\":\"" + sessionId + "\"}");
                }),
                ok(op, "a cancelled session", 200,
                        (t, api) -> post(api, "/getResult", "{\"sessionId\":\"" + t.cancelled("everyone") + "\"}")),
                ok(op, "a reviewed session", 200, (t, api) -> post(api, "/getResult", "{\"sessionId\":\""
                        + t.reviewed("everyone") + "\",\"includeRaw\":true}")),
                ok(op, "a redacted session, raw asked for", 200, (t, api) -> post(api, "/getResult", "{\"sessionId\":\""
                        + t.redacted(t.reviewed("everyone")) + "\",\"includeRaw\":true}")),
                refused(op, "neither id nor reference", 400, "missing_field", (t, api) -> post(api, "/getResult", "{}")),
                malformed(op, "an id of the wrong form", 400, "invalid_session_id",
                        (t, api) -> post(api, "/getResult", "{\"sessionId\":\"../../etc/passwd\"}")),
                refused(op, "an unknown session", 404, "session_not_found",
                        (t, api) -> post(api, "/getResult", "{\"sessionId\":\"" + UNKNOWN_SESSION + "\"}")),
                refused(op, "an unknown token", 401, "unauthorized", (t, api) -> post(api.header("Authorization",
                        WRONG_TOKEN), "/getResult", "{\"sessionId\":\"" + UNKNOWN_SESSION + "\"}")));
    }

    static List<Case> collectResult() {
        String op = "collectResult";
        return List.of(
                ok(op, "a session the person passed", 200, (t, api) -> {
                    String sessionId = t.open("everyone");
                    t.sandbox.complete(sessionId, Map.of());
                    return post(api, "/collectResult", "{\"sessionId\":\"" + sessionId + "\"}");
                }),
                ok(op, "a session still open", 200,
                        (t, api) -> post(api, "/collectResult", "{\"sessionId\":\"" + t.open("individuals") + "\"}")),
                malformed(op, "no session id", 400, "invalid_session_id", (t, api) -> post(api, "/collectResult", "{}")),
                refused(op, "an unknown session", 404, "session_not_found",
                        (t, api) -> post(api, "/collectResult", "{\"sessionId\":\"" + UNKNOWN_SESSION + "\"}")),
                refused(op, "a session whose flow was removed", 409, "flow_not_configured",
                        (t, api) -> post(api, "/collectResult", "{\"sessionId\":\"" + t.ofRemovedFlow() + "\"}")),
                refused(op, "the vendor answers off its contract", 502, "upstream_malformed_response", (t, api) -> {
                    String sessionId = t.open("everyone");
                    t.sandbox.injectNext(Endpoint.RESULT, 5, new Fault.MalformedJson());
                    return post(api, "/collectResult", "{\"sessionId\":\"" + sessionId + "\"}");
                }),
                refused(op, "the vendor is down", 503, "upstream_unavailable", (t, api) -> {
                    String sessionId = t.open("everyone");
                    t.sandbox.injectAlways(Endpoint.RESULT, new Fault.Status(503, "down"));
                    return post(api, "/collectResult", "{\"sessionId\":\"" + sessionId + "\"}");
                }),
                refused(op, "an unknown token", 401, "unauthorized", (t, api) -> post(api.header("Authorization",
                        WRONG_TOKEN), "/collectResult", "{\"sessionId\":\"" + UNKNOWN_SESSION + "\"}")));
    }

    static List<Case> callback() {
        String op = "callback";
        return List.of(
                ok(op, "back from the flow, to the return URL", 303, (t, api) -> {
                    Response created = post(given(), "/createSession", "{\"flow\":\"everyone\",\"returnUrl\":\""
                            + RETURN_URL + "\"}");
                    return api.get(passFlow(created.path("verificationUrl"), Map.of()));
                }),
                ok(op, "back from the flow, no return URL: a page", 200, (t, api) -> {
                    Response created = post(given(), "/createSession", "{\"flow\":\"everyone\",\"locale\":\"en\"}");
                    return api.get(passFlow(created.path("verificationUrl"), Map.of()));
                }),
                refused(op, "a tampered state", 400, null, (t, api) -> api.queryParam("state", "v1.tampered.state")
                        .get("/callback")),
                malformed(op, "no state", 400, null, (t, api) -> api.get("/callback")),
                refused(op, "an expired state", 410, null, (t, api) -> {
                    Response created = post(given(), "/createSession", "{\"flow\":\"everyone\"}");
                    URI callback = passFlow(created.path("verificationUrl"), Map.of());
                    t.clock.advance(Duration.ofMinutes(16));
                    return api.get(callback);
                }));
    }

    static List<Case> video() {
        String op = "video";
        return List.of(
                ok(op, "the recording, streamed from the vendor", 200, (t, api) -> {
                    String sessionId = t.open("everyone");
                    t.sandbox.complete(sessionId, Map.of());
                    return api.get("/sessions/" + sessionId + "/video");
                }),
                refused(op, "a redacted session", 409, "session_redacted", (t, api) -> api.get("/sessions/"
                        + t.redacted(t.completed("legal-entities")) + "/video")),
                refused(op, "a session without a recording", 404, "video_not_found",
                        (t, api) -> api.get("/sessions/" + t.open("everyone") + "/video")),
                refused(op, "an unknown session", 404, "session_not_found",
                        (t, api) -> api.get("/sessions/" + UNKNOWN_SESSION + "/video")),
                malformed(op, "an id of the wrong form", 400, "invalid_session_id",
                        (t, api) -> api.get("/sessions/not.an.id/video")),
                refused(op, "an unknown token", 401, "unauthorized",
                        (t, api) -> api.header("Authorization", WRONG_TOKEN).get("/sessions/" + UNKNOWN_SESSION + "/video")));
    }

    static List<Case> listFailedWebhooks() {
        String op = "listFailedWebhooks";
        return List.of(
                ok(op, "none failed", 200, (t, api) -> post(api, "/listFailedWebhooks", "{}")),
                ok(op, "failures with and without a reference", 200, (t, api) -> {
                    t.failedDelivery("everyone", null);
                    t.failedDelivery("legal-entities", reference());
                    return post(api, "/listFailedWebhooks", "{}");
                }),
                ok(op, "a page of one, and the next", 200, (t, api) -> {
                    t.failedDelivery("everyone", null);
                    t.failedDelivery("legal-entities", reference());
                    String next = post(given(), "/listFailedWebhooks", "{\"limit\":1}").then().statusCode(200)
                            .extract().path("nextPageToken");
                    return post(api, "/listFailedWebhooks", "{\"limit\":1,\"pageToken\":\"" + next + "\"}");
                }),
                malformed(op, "a limit out of range", 400, "invalid_limit",
                        (t, api) -> post(api, "/listFailedWebhooks", "{\"limit\":0}")),
                refused(op, "a page token it did not give", 400, "invalid_page_token",
                        (t, api) -> post(api, "/listFailedWebhooks", "{\"pageToken\":\"not-a-token\"}")),
                refused(op, "an unknown token", 401, "unauthorized", (t, api) -> post(api.header("Authorization",
                        WRONG_TOKEN), "/listFailedWebhooks", "{}")));
    }

    static List<Case> resendWebhook() {
        String op = "resendWebhook";
        return List.of(
                ok(op, "a failed delivery, sent again", 200, (t, api) -> post(api, "/resendWebhook",
                        "{\"sessionId\":\"" + t.failedDelivery("everyone", reference()) + "\"}")),
                refused(op, "a session not final", 409, "session_not_final", (t, api) -> post(api, "/resendWebhook",
                        "{\"sessionId\":\"" + t.open("everyone") + "\"}")),
                refused(op, "a flow without a webhook", 409, "webhook_not_configured", (t, api) -> post(api,
                        "/resendWebhook", "{\"sessionId\":\"" + t.completed("individuals") + "\"}")),
                refused(op, "an unknown session", 404, "session_not_found",
                        (t, api) -> post(api, "/resendWebhook", "{\"sessionId\":\"" + UNKNOWN_SESSION + "\"}")),
                malformed(op, "an id of the wrong form", 400, "invalid_session_id",
                        (t, api) -> post(api, "/resendWebhook", "{\"sessionId\":\"a b\"}")),
                refused(op, "an unknown token", 401, "unauthorized", (t, api) -> post(api.header("Authorization",
                        WRONG_TOKEN), "/resendWebhook", "{\"sessionId\":\"" + UNKNOWN_SESSION + "\"}")));
    }

    static List<Case> sweep() {
        String op = "sweep";
        return List.of(
                ok(op, "a run", 200, (t, api) -> {
                    t.open("everyone");
                    return post(api, "/sweep", "{}");
                }),
                refused(op, "an unknown token", 401, "unauthorized",
                        (t, api) -> post(api.header("Authorization", WRONG_TOKEN), "/sweep", "{}")));
    }

    static List<Case> deliverWebhooks() {
        String op = "deliverWebhooks";
        return List.of(
                ok(op, "a run", 200, (t, api) -> {
                    t.completed("everyone");
                    return post(api, "/deliverWebhooks", "{}");
                }),
                refused(op, "an unknown token", 401, "unauthorized",
                        (t, api) -> post(api.header("Authorization", WRONG_TOKEN), "/deliverWebhooks", "{}")));
    }

    static List<Case> listSessions() {
        String op = "listSessions";
        return List.of(
                ok(op, "every flow, the first page", 200, (t, api) -> {
                    t.open("everyone");
                    t.completed("legal-entities");
                    return post(api, "/listSessions", "{}");
                }),
                ok(op, "every filter", 200, (t, api) -> {
                    String reference = reference();
                    Instant before = t.clock.instant().minusSeconds(1);
                    post(given(), "/createSession", "{\"flow\":\"everyone\",\"reference\":\"" + reference
                            + "\",\"metadata\":{\"orderId\":\"1001\"}}").then().statusCode(200);
                    return post(api, "/listSessions", "{\"flow\":\"everyone\",\"status\":\"CREATED\",\"reference\":\""
                            + reference + "\",\"createdAfter\":\"" + before + "\",\"createdBefore\":\""
                            + t.clock.instant().plusSeconds(60) + "\",\"limit\":5}");
                }),
                ok(op, "none match", 200, (t, api) -> post(api, "/listSessions", "{\"reference\":\"" + reference() + "\"}")),
                ok(op, "a page of one, and the next", 200, (t, api) -> {
                    t.open("everyone");
                    t.cancelled("everyone");
                    String next = post(given(), "/listSessions", "{\"limit\":1}").then().statusCode(200).extract()
                            .path("nextPageToken");
                    return post(api, "/listSessions", "{\"limit\":1,\"pageToken\":\"" + next + "\"}");
                }),
                malformed(op, "a limit out of range", 400, "invalid_limit",
                        (t, api) -> post(api, "/listSessions", "{\"limit\":101}")),
                malformed(op, "a status that does not exist", 400, "invalid_status",
                        (t, api) -> post(api, "/listSessions", "{\"status\":\"DONE\"}")),
                malformed(op, "a time without its offset", 400, "invalid_timestamp",
                        (t, api) -> post(api, "/listSessions", "{\"createdAfter\":\"2026-12-01T00:00:00\"}")),
                malformed(op, "an unknown field", 400, "unknown_field",
                        (t, api) -> post(api, "/listSessions", "{\"caller\":\"someone-else\"}")),
                refused(op, "createdAfter not before createdBefore", 400, "invalid_time_range", (t, api) -> post(api,
                        "/listSessions", "{\"createdAfter\":\"2026-12-02T00:00:00Z\",\"createdBefore\":\"2026-12-01T00:00:00Z\"}")),
                refused(op, "a page token it did not give", 400, "invalid_page_token",
                        (t, api) -> post(api, "/listSessions", "{\"pageToken\":\"not-a-token\"}")),
                refused(op, "a page token given for other filters", 400, "invalid_page_token", (t, api) -> {
                    t.open("everyone");
                    t.open("everyone");
                    String next = post(given(), "/listSessions", "{\"limit\":1}").then().statusCode(200).extract()
                            .path("nextPageToken");
                    return post(api, "/listSessions", "{\"limit\":1,\"flow\":\"everyone\",\"pageToken\":\"" + next + "\"}");
                }),
                refused(op, "an unknown flow", 400, "unknown_flow",
                        (t, api) -> post(api, "/listSessions", "{\"flow\":\"corporate\"}")),
                refused(op, "a flow the caller may not use", 403, "flow_not_allowed", (t, api) -> post(api.header(
                        "Authorization", TestCallers.bearer(TestCallers.LEGAL_ENTITIES_ONLY_TOKEN)), "/listSessions",
                        "{\"flow\":\"individuals\"}")),
                refused(op, "an unknown token", 401, "unauthorized", (t, api) -> post(api.header("Authorization",
                        WRONG_TOKEN), "/listSessions", "{}")));
    }

    static List<Case> cancelSession() {
        String op = "cancelSession";
        return List.of(
                ok(op, "an open session, with a reason", 200, (t, api) -> post(api, "/cancelSession",
                        "{\"sessionId\":\"" + t.open("individuals") + "\",\"reason\":\"customer_left\"}")),
                ok(op, "an open session of a flow with a webhook, no reason", 200, (t, api) -> post(api,
                        "/cancelSession", "{\"sessionId\":\"" + t.open("everyone") + "\"}")),
                refused(op, "a session already final", 409, "session_final", (t, api) -> post(api, "/cancelSession",
                        "{\"sessionId\":\"" + t.completed("legal-entities") + "\"}")),
                refused(op, "a session cancelled before", 409, "session_final", (t, api) -> post(api,
                        "/cancelSession", "{\"sessionId\":\"" + t.cancelled("everyone") + "\",\"reason\":\"duplicate\"}")),
                refused(op, "an unknown session", 404, "session_not_found",
                        (t, api) -> post(api, "/cancelSession", "{\"sessionId\":\"" + UNKNOWN_SESSION + "\"}")),
                refused(op, "a session of a flow the caller may not use", 404, "session_not_found", (t, api) -> post(
                        api.header("Authorization", TestCallers.bearer(TestCallers.LEGAL_ENTITIES_ONLY_TOKEN)),
                        "/cancelSession", "{\"sessionId\":\"" + t.open("individuals") + "\"}")),
                malformed(op, "a reason that is not a code", 400, "invalid_reason", (t, api) -> post(api,
                        "/cancelSession", "{\"sessionId\":\"" + UNKNOWN_SESSION + "\",\"reason\":\"Order 1001\"}")),
                malformed(op, "no session id", 400, "invalid_session_id",
                        (t, api) -> post(api, "/cancelSession", "{\"reason\":\"duplicate\"}")),
                malformed(op, "an unknown field", 400, "unknown_field", (t, api) -> post(api, "/cancelSession",
                        "{\"sessionId\":\"" + UNKNOWN_SESSION + "\",\"note\":\"x\"}")),
                refused(op, "an unknown token", 401, "unauthorized", (t, api) -> post(api.header("Authorization",
                        WRONG_TOKEN), "/cancelSession", "{\"sessionId\":\"" + UNKNOWN_SESSION + "\"}")));
    }

    static List<Case> resumeSession() {
        String op = "resumeSession";
        return List.of(
                ok(op, "an open session", 200, (t, api) -> post(api, "/resumeSession",
                        "{\"sessionId\":\"" + t.open("everyone") + "\"}")),
                refused(op, "a cancelled session", 409, "session_final", (t, api) -> post(api, "/resumeSession",
                        "{\"sessionId\":\"" + t.cancelled("everyone") + "\"}")),
                refused(op, "a session past its expiresAt, not final yet", 409, "session_expired", (t, api) -> post(
                        api, "/resumeSession", "{\"sessionId\":\"" + t.pastItsExpiry("everyone") + "\"}")),
                refused(op, "an unknown session", 404, "session_not_found",
                        (t, api) -> post(api, "/resumeSession", "{\"sessionId\":\"" + UNKNOWN_SESSION + "\"}")),
                malformed(op, "an id of the wrong form", 400, "invalid_session_id",
                        (t, api) -> post(api, "/resumeSession", "{\"sessionId\":\"a/b\"}")),
                malformed(op, "an unknown field", 400, "unknown_field", (t, api) -> post(api, "/resumeSession",
                        "{\"sessionId\":\"" + UNKNOWN_SESSION + "\",\"locale\":\"en\"}")),
                refused(op, "an unknown token", 401, "unauthorized", (t, api) -> post(api.header("Authorization",
                        WRONG_TOKEN), "/resumeSession", "{\"sessionId\":\"" + UNKNOWN_SESSION + "\"}")));
    }

    static List<Case> reviewSession() {
        String op = "reviewSession";
        return List.of(
                ok(op, "a session left for review, approved with a note", 200, (t, api) -> post(api, "/reviewSession",
                        "{\"sessionId\":\"" + t.completed("everyone") + "\",\"outcome\":\"approved\","
                                + "\"note\":\"ticket KYC-1042\"}")),
                ok(op, "declined, no note", 200, (t, api) -> post(api, "/reviewSession",
                        "{\"sessionId\":\"" + t.completed("everyone") + "\",\"outcome\":\"declined\"}")),
                ok(op, "the same review again", 200, (t, api) -> post(api, "/reviewSession",
                        "{\"sessionId\":\"" + t.reviewed("everyone") + "\",\"outcome\":\"approved\","
                                + "\"note\":\"checked by hand\"}")),
                refused(op, "another outcome on a reviewed session", 409, "already_reviewed", (t, api) -> post(api,
                        "/reviewSession", "{\"sessionId\":\"" + t.reviewed("everyone") + "\",\"outcome\":\"declined\"}")),
                refused(op, "a session the rules approved", 409, "session_not_in_review", (t, api) -> post(api,
                        "/reviewSession", "{\"sessionId\":\"" + t.completed("legal-entities") + "\",\"outcome\":\"approved\"}")),
                refused(op, "a session still open", 409, "session_not_in_review", (t, api) -> post(api,
                        "/reviewSession", "{\"sessionId\":\"" + t.open("everyone") + "\",\"outcome\":\"approved\"}")),
                refused(op, "a redacted session", 409, "session_redacted", (t, api) -> post(api, "/reviewSession",
                        "{\"sessionId\":\"" + t.redacted(t.completed("everyone")) + "\",\"outcome\":\"approved\"}")),
                refused(op, "an unknown session", 404, "session_not_found", (t, api) -> post(api, "/reviewSession",
                        "{\"sessionId\":\"" + UNKNOWN_SESSION + "\",\"outcome\":\"approved\"}")),
                malformed(op, "no outcome", 400, "missing_field", (t, api) -> post(api, "/reviewSession",
                        "{\"sessionId\":\"" + UNKNOWN_SESSION + "\"}")),
                malformed(op, "an outcome other than approved or declined", 400, "invalid_outcome", (t, api) -> post(
                        api, "/reviewSession", "{\"sessionId\":\"" + UNKNOWN_SESSION + "\",\"outcome\":\"review\"}")),
                malformed(op, "a note over 500 characters", 400, "invalid_note", (t, api) -> post(api,
                        "/reviewSession", "{\"sessionId\":\"" + UNKNOWN_SESSION + "\",\"outcome\":\"approved\","
                                + "\"note\":\"" + "n".repeat(501) + "\"}")),
                malformed(op, "a blank note", 400, "invalid_note", (t, api) -> post(api, "/reviewSession",
                        "{\"sessionId\":\"" + UNKNOWN_SESSION + "\",\"outcome\":\"approved\",\"note\":\"   \"}")),
                malformed(op, "an id of the wrong form", 400, "invalid_session_id", (t, api) -> post(api,
                        "/reviewSession", "{\"sessionId\":\"a b\",\"outcome\":\"approved\"}")),
                refused(op, "an unknown token", 401, "unauthorized", (t, api) -> post(api.header("Authorization",
                        WRONG_TOKEN), "/reviewSession", "{\"sessionId\":\"" + UNKNOWN_SESSION + "\",\"outcome\":\"approved\"}")));
    }

    static List<Case> redactSession() {
        String op = "redactSession";
        return List.of(
                ok(op, "a completed session with its document", 200, (t, api) -> post(api, "/redactSession",
                        "{\"sessionId\":\"" + t.completed("legal-entities") + "\"}")),
                ok(op, "a reviewed session with metadata", 200, (t, api) -> post(api, "/redactSession",
                        "{\"sessionId\":\"" + t.reviewed("everyone") + "\"}")),
                ok(op, "a cancelled session", 200, (t, api) -> post(api, "/redactSession",
                        "{\"sessionId\":\"" + t.cancelled("individuals") + "\"}")),
                ok(op, "a redacted session again: the same tombstone", 200, (t, api) -> post(api, "/redactSession",
                        "{\"sessionId\":\"" + t.redacted(t.completed("everyone")) + "\"}")),
                refused(op, "a session still open", 409, "session_not_final", (t, api) -> post(api, "/redactSession",
                        "{\"sessionId\":\"" + t.open("everyone") + "\"}")),
                refused(op, "an unknown session", 404, "session_not_found",
                        (t, api) -> post(api, "/redactSession", "{\"sessionId\":\"" + UNKNOWN_SESSION + "\"}")),
                malformed(op, "no session id", 400, "invalid_session_id", (t, api) -> post(api, "/redactSession", "{}")),
                malformed(op, "an unknown field", 400, "unknown_field", (t, api) -> post(api, "/redactSession",
                        "{\"sessionId\":\"" + UNKNOWN_SESSION + "\",\"reason\":\"gdpr\"}")),
                refused(op, "an unknown token", 401, "unauthorized", (t, api) -> post(api.header("Authorization",
                        WRONG_TOKEN), "/redactSession", "{\"sessionId\":\"" + UNKNOWN_SESSION + "\"}")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersAsDocumented(Case c) {
        OpenApiValidationFilter filter = c.conforming() ? STRICT : RESPONSES_ONLY;
        RequestSpecification api = given().redirects().follow(false).filter(filter);

        Response answer = c.call().apply(this, api);

        answer.then().statusCode(c.status());
        assertTrue(filter.answered().contains(c.operation() + " " + c.status()), "the answer was checked");
        if (c.code() != null) {
            answer.then().contentType("application/problem+json").body("code", equalTo(c.code()));
        }
    }

    @Test
    void everyFunctionIsDocumentedAndHasCases() {
        Set<String> documented = CONTRACT.operations().stream().map(OpenApiContract.Operation::id)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> covered = cases().map(Case::operation).collect(Collectors.toCollection(TreeSet::new));

        assertEquals(FunctionRoutes.functions(), documented, "every function has its operation in docs/openapi.yaml");
        assertEquals(documented, covered, "every documented operation has its cases here");
        for (String operation : documented) {
            assertTrue(cases().anyMatch(c -> c.operation().equals(operation) && c.status() < 400),
                    operation + " has a case answered well");
            assertTrue(cases().anyMatch(c -> c.operation().equals(operation) && c.status() >= 400),
                    operation + " has a case refused");
        }
    }

    /** A document that demands one field more of createSession's answer: the filter fails on the real answer. */
    @Test
    void theFilterFailsOnARealAnswerTheDocumentDoesNotAllow() throws IOException {
        YAMLMapper yaml = new YAMLMapper();
        JsonNode document = yaml.readTree(OpenApiContract.FLOWGATE.toFile());
        ((ArrayNode) document.at("/components/schemas/CreatedSession/required")).add("qrCode");
        Path stricter = Files.createTempFile("openapi-stricter", ".yaml");
        yaml.writeValue(stricter.toFile(), document);
        OpenApiValidationFilter filter = OpenApiValidationFilter.strict(OpenApiContract.load(stricter));

        OpenApiValidationFilter.ContractViolation violation = assertThrows(OpenApiValidationFilter.ContractViolation.class,
                () -> post(given().filter(filter), "/createSession", "{\"flow\":\"everyone\"}"));

        assertTrue(violation.getMessage().contains("createSession 200 body"), violation.getMessage());
        assertTrue(violation.getMessage().contains("qrCode"), violation.getMessage());
        Files.delete(stricter);
    }

    private static Response post(RequestSpecification api, String path, String body) {
        return api.contentType(ContentType.JSON).body(body).post(path);
    }

    private static String reference() {
        return "contract-" + UUID.randomUUID();
    }

    /** A new session of {@code flow}, created over HTTP (outside the case's checks); its id. */
    private String open(String flow) {
        return post(given(), "/createSession", "{\"flow\":\"" + flow + "\"}").then().statusCode(200).extract()
                .path("sessionId");
    }

    /** A session of {@code flow} that the person passed and whose result was collected; its id. */
    private String completed(String flow) {
        String sessionId = open(flow);
        sandbox.complete(sessionId, Map.of());
        post(given(), "/collectResult", "{\"sessionId\":\"" + sessionId + "\"}").then().statusCode(200)
                .body("status", equalTo("COMPLETED"));
        return sessionId;
    }

    /** A JSON object of {@code count} metadata keys. */
    private static String manyKeys(int count) {
        return IntStream.range(0, count).mapToObj(i -> "\"k" + i + "\":\"v\"")
                .collect(Collectors.joining(",", "{", "}"));
    }

    /** An open session of {@code flow}, with metadata, cancelled over HTTP; its id. */
    private String cancelled(String flow) {
        String sessionId = post(given(), "/createSession", "{\"flow\":\"" + flow + "\",\"metadata\":{\"orderId\":\"1001\"}}")
                .then().statusCode(200).extract().path("sessionId");
        post(given(), "/cancelSession", "{\"sessionId\":\"" + sessionId + "\",\"reason\":\"duplicate\"}").then()
                .statusCode(200).body("status", equalTo("CANCELLED"));
        return sessionId;
    }

    /** A session of {@code flow} (one decided review), with metadata, completed and reviewed over HTTP; its id. */
    private String reviewed(String flow) {
        String sessionId = post(given(), "/createSession", "{\"flow\":\"" + flow + "\",\"metadata\":{\"orderId\":\"1002\"}}")
                .then().statusCode(200).extract().path("sessionId");
        sandbox.complete(sessionId, Map.of());
        post(given(), "/collectResult", "{\"sessionId\":\"" + sessionId + "\"}").then().statusCode(200)
                .body("decision.outcome", equalTo("review"));
        post(given(), "/reviewSession", "{\"sessionId\":\"" + sessionId + "\",\"outcome\":\"approved\","
                + "\"note\":\"checked by hand\"}").then().statusCode(200).body("review.outcome", equalTo("approved"));
        return sessionId;
    }

    /** The final session {@code sessionId}, redacted over HTTP; its id. */
    private String redacted(String sessionId) {
        post(given(), "/redactSession", "{\"sessionId\":\"" + sessionId + "\"}").then().statusCode(200)
                .body("redacted", equalTo(true));
        return sessionId;
    }

    /** A session of {@code flow} still CREATED but past its expiresAt (the sweep has not run), stored directly; its id. */
    private String pastItsExpiry(String flow) {
        String sessionId = UUID.randomUUID().toString();
        Instant created = clock.instant().minus(Duration.ofMinutes(20));
        store.create(SessionRecord.created(sessionId, flow, "tests", null, List.of("LD"), created,
                created.plus(Duration.ofMinutes(10)), null, "en", created));
        return sessionId;
    }

    /** A completed session of {@code flow} whose webhook delivery failed, stored directly; its id. */
    private String failedDelivery(String flow, String reference) {
        String sessionId = UUID.randomUUID().toString();
        Instant created = clock.instant().minus(Duration.ofMinutes(30));
        SessionRecord open = SessionRecord.created(sessionId, flow, "tests", reference, List.of("LD"), created,
                created.plus(Duration.ofMinutes(10)), null, "en", created);
        SessionRecord completed = open.next(SessionStatus.COMPLETED, null, created.plusSeconds(60),
                created.plusSeconds(60), "{}", "approved", List.of(), null);
        WebhookDelivery failed = WebhookDelivery.pending("evt_" + sessionId.replace("-", ""), "session.completed",
                completed.completedAt(), List.of()).after(new WebhookDelivery.Attempt(created.plusSeconds(90), 500,
                        null, "failed"), WebhookDelivery.State.FAILED, null);
        store.create(completed.withWebhook(failed));
        return sessionId;
    }

    /** An open session of a flow no longer configured, stored directly; its id. */
    private String ofRemovedFlow() {
        String sessionId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        store.create(SessionRecord.created(sessionId, "retired-flow", "tests", null, List.of("LD"), now,
                now.plusSeconds(600), null, "ru", now));
        return sessionId;
    }
}
