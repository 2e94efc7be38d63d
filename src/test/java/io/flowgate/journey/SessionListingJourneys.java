package io.flowgate.journey;

import static io.flowgate.journey.Journeys.createSession;
import static io.flowgate.journey.Journeys.getResult;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowgate.store.SessionListing;
import io.flowgate.store.SessionPosition;
import io.flowgate.store.SessionRecord;
import io.flowgate.store.SessionStatus;
import io.flowgate.store.SessionStore;
import io.flowgate.testsupport.TestCallers;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code listSessions} over HTTP (the Lambda event path) on a store holding the sessions of two callers in the
 * same flows with the same references: paging with each filter, newest first, only the caller's own; tokens refused
 * when altered or another's; every refusal a problem. And {@code metadata} from createSession to getResult and
 * listSessions. Run on both stores (memory and dynalite).
 */
final class SessionListingJourneys {

    /** The caller of {@link TestCallers#TOKEN} (every flow) and of the legal-entities-only token. */
    static final String TESTS = "tests";
    static final String LEGAL_ONLY = "legal-only";
    private static final Instant T0 = Instant.parse("2030-06-01T08:00:00Z");
    private static final Set<String> ALL_FLOWS = Set.of("individuals", "everyone", "legal-entities", "revoked");

    private final SessionStore store;
    private final List<SessionRecord> seeded = new ArrayList<>();

    SessionListingJourneys(SessionStore store) {
        this.store = store;
    }

    /**
     * 14 sessions of the test caller over three flows, four created in the same millisecond; 4 of the
     * legal-entities-only caller in the same flow with the same references and times; one stored before callers
     * were kept. Each filter is paged through 2 at a time: every one of the caller's matching sessions once,
     * newest first, over more than one page, the last without a token, and never another caller's.
     */
    void pagesThroughTheCallersOwnSessionsNewestFirstWithEachFilter() {
        seed();
        List<Map<String, Object>> filters = List.of(
                Map.of(),
                Map.of("flow", "legal-entities"),
                Map.of("status", "COMPLETED"),
                Map.of("reference", "order-even"),
                Map.of("createdAfter", "2030-06-01T08:03:00Z", "createdBefore", "2030-06-01T08:10:00+00:00"),
                Map.of("flow", "everyone", "status", "CREATED", "createdAfter", "2030-06-01T08:01:00Z"));
        for (Map<String, Object> filter : filters) {
            List<String> expected = expected(TESTS, filter);
            List<String> listed = pageThrough(TestCallers.TOKEN, filter, 2);
            assertTrue(expected.size() > 2, filter + " spans more than one page: " + expected);
            assertEquals(expected, listed, filter.toString());
        }
        for (Map<String, Object> filter : List.of(Map.<String, Object>of(), Map.<String, Object>of("reference",
                "order-even"), Map.<String, Object>of("flow", "legal-entities", "status", "CREATED"))) {
            List<String> theirs = pageThrough(TestCallers.LEGAL_ENTITIES_ONLY_TOKEN, filter, 2);
            assertEquals(expected(LEGAL_ONLY, filter), theirs, filter.toString());
            assertTrue(theirs.stream().allMatch(id -> id.startsWith("legal-")), theirs.toString());
        }
        assertEquals(List.of("legal-11", "legal-8", "legal-5", "legal-2"),
                pageThrough(TestCallers.LEGAL_ENTITIES_ONLY_TOKEN, Map.of(), 100));
    }

    /** A session as listed: its view without the raw results, with its metadata. */
    void answersEachSessionAsGetResultDoesWithoutRawResults() {
        seed();
        Response page = list(TestCallers.TOKEN, "{\"limit\":1}");

        page.then().statusCode(200)
                .body("sessions.size()", equalTo(1))
                .body("sessions[0].sessionId", equalTo("s-13"))
                .body("sessions[0].flow", equalTo("everyone"))
                .body("sessions[0].reference", equalTo("order-odd"))
                .body("sessions[0].status", equalTo("CREATED"))
                .body("sessions[0].createdAt", equalTo("2030-06-01T08:13:00Z"))
                .body("sessions[0].metadata", equalTo(Map.of("n", "13", "channel", "web")))
                .body("sessions[0].technologies[0].code", equalTo("LD"))
                .body("sessions[0].containsKey('raw')", equalTo(false));
        assertFalse(page.asString().contains("\"raw\""));
        assertTrue(page.path("nextPageToken") instanceof String);
        page = list(TestCallers.TOKEN, "{\"flow\":\"revoked\"}");
        page.then().statusCode(200).body("sessions.size()", equalTo(0)).body("nextPageToken", nullValue());
        assertTrue(page.asString().contains("\"nextPageToken\":null"), page.asString());
    }

    /** A token altered, made up, another caller's, or for other filters: 400 invalid_page_token. */
    void refusesAPageTokenItDidNotGiveForThisCallerAndTheseFilters() {
        seed();
        String token = list(TestCallers.TOKEN, "{\"limit\":2,\"flow\":\"legal-entities\"}").then().statusCode(200)
                .extract().path("nextPageToken");
        String payload = token.substring(0, token.indexOf('.'));
        String signature = token.substring(token.indexOf('.') + 1);

        for (String bad : List.of(flip(payload) + "." + signature, payload + "." + flip(signature), "not-a-token", "",
                token + ".")) {
            refused(TestCallers.TOKEN, "{\"flow\":\"legal-entities\",\"pageToken\":\"" + bad + "\"}", 400,
                    "invalid_page_token", "pageToken");
        }
        refused(TestCallers.LEGAL_ENTITIES_ONLY_TOKEN, "{\"flow\":\"legal-entities\",\"pageToken\":\"" + token + "\"}",
                400, "invalid_page_token", "pageToken");
        refused(TestCallers.TOKEN, "{\"pageToken\":\"" + token + "\"}", 400, "invalid_page_token", "pageToken");
        refused(TestCallers.TOKEN, "{\"flow\":\"legal-entities\",\"status\":\"CREATED\",\"pageToken\":\"" + token
                + "\"}", 400, "invalid_page_token", "pageToken");
        List<String> rest = list(TestCallers.TOKEN, "{\"limit\":2,\"flow\":\"legal-entities\",\"pageToken\":\""
                + token + "\"}").then().statusCode(200).extract().path("sessions.sessionId");
        assertEquals(expected(TESTS, Map.of("flow", "legal-entities")).subList(2, 4), rest);
    }

    /** Every input that breaks a rule: a 400 (or 403) problem naming the field, and nothing read. */
    void refusesAnInvalidRequestWithProblemDetails() {
        refused(TestCallers.TOKEN, "{\"limit\":0}", 400, "invalid_limit", "limit");
        refused(TestCallers.TOKEN, "{\"limit\":101}", 400, "invalid_limit", "limit");
        refused(TestCallers.TOKEN, "{\"status\":\"DONE\"}", 400, "invalid_status", "status");
        refused(TestCallers.TOKEN, "{\"createdAfter\":\"yesterday\"}", 400, "invalid_timestamp", "createdAfter");
        refused(TestCallers.TOKEN, "{\"createdBefore\":\"2030-06-01\"}", 400, "invalid_timestamp", "createdBefore");
        refused(TestCallers.TOKEN, "{\"createdAfter\":\"2030-06-01T09:00:00Z\",\"createdBefore\":\"2030-06-01T10:00:00+02:00\"}",
                400, "invalid_time_range", "createdAfter");
        refused(TestCallers.TOKEN, "{\"reference\":\"order 1\"}", 400, "invalid_reference", "reference");
        refused(TestCallers.TOKEN, "{\"flow\":\"corporate\"}", 400, "unknown_flow", "flow");
        refused(TestCallers.TOKEN, "{\"includeRaw\":true}", 400, "unknown_field", "includeRaw");
        refused(TestCallers.TOKEN, "{\"limit\":\"20\"}", 400, "invalid_field_type", "limit");
        refused(TestCallers.LEGAL_ENTITIES_ONLY_TOKEN, "{\"flow\":\"individuals\"}", 403, "flow_not_allowed", "flow");
    }

    /**
     * metadata given to createSession comes back from getResult and listSessions; repeating the reference with
     * other metadata is a conflict, with the same metadata the same session.
     */
    void keepsTheMetadataOfCreateSessionForGetResultAndListSessions() {
        String body = "{\"flow\":\"everyone\",\"reference\":\"meta-1\",\"metadata\":{\"orderId\":\"A-1001\","
                + "\"channel\":\"web\",\"campaign.id\":\"\"}}";
        String sessionId = createSession(body).path("sessionId");
        Map<String, String> metadata = Map.of("orderId", "A-1001", "channel", "web", "campaign.id", "");

        getResult("{\"sessionId\":\"" + sessionId + "\"}").then().statusCode(200).body("metadata", equalTo(metadata));
        list(TestCallers.TOKEN, "{\"reference\":\"meta-1\"}").then().statusCode(200)
                .body("sessions.sessionId", equalTo(List.of(sessionId)))
                .body("sessions[0].metadata", equalTo(metadata));
        assertEquals(sessionId, createSession(body).path("sessionId"), "the same request: the same session");
        given().contentType(ContentType.JSON).body(body.replace("A-1001", "A-1002")).post("/createSession")
                .then().statusCode(409).body("code", equalTo("reference_conflict"));
        String plain = createSession("{\"flow\":\"everyone\"}").path("sessionId");
        getResult("{\"sessionId\":\"" + plain + "\"}").then().statusCode(200).body("containsKey('metadata')",
                equalTo(false));
    }

    private void seed() {
        List<String> flows = List.of("individuals", "everyone", "legal-entities");
        for (int i = 0; i < 14; i++) {
            // s-0 .. s-3 in the same millisecond; the rest a minute apart
            Instant at = i < 4 ? T0 : T0.plus(Duration.ofMinutes(i));
            String reference = i % 2 == 0 ? "order-even" : "order-odd";
            SessionRecord session = stored(flows.get(i % 3), TESTS, "s-" + i, reference, at, i % 4 == 0);
            if (i % 3 == 2) {
                stored("legal-entities", LEGAL_ONLY, "legal-" + i, reference, at, i % 4 == 0);
            }
            assertEquals(TESTS, session.caller());
        }
        store.create(new SessionRecord("s-before-callers", "legal-entities", "order-even", List.of("LD"),
                T0.plus(Duration.ofHours(1)), T0.plus(Duration.ofHours(2)), SessionStatus.CREATED, null, "en",
                T0.plus(Duration.ofHours(1)), null, null, null, List.of(), 1));
    }

    private SessionRecord stored(String flow, String caller, String sessionId, String reference, Instant at,
            boolean completed) {
        SessionRecord session = SessionRecord.created(sessionId, flow, caller, reference, List.of("LD"), List.of(), at,
                at.plus(Duration.ofMinutes(10)), null, "en", at,
                Map.of("n", sessionId.substring(sessionId.indexOf('-') + 1), "channel", "web"));
        if (completed) {
            session = session.next(SessionStatus.COMPLETED, null, at.plusSeconds(30), at.plusSeconds(30),
                    "{\"liveness_result\":{\"is_live\":true}}", "approved", List.of("all_passed"), null);
        }
        store.create(session);
        seeded.add(session);
        return session;
    }

    /** What the caller should be given for the filter, in order, computed here from what was seeded. */
    private List<String> expected(String caller, Map<String, Object> filter) {
        String flow = (String) filter.get("flow");
        SessionListing listing = new SessionListing(caller, flow == null ? ALL_FLOWS : Set.of(flow),
                filter.containsKey("status") ? SessionStatus.valueOf((String) filter.get("status")) : null,
                (String) filter.get("reference"),
                filter.containsKey("createdAfter") ? java.time.OffsetDateTime.parse((String) filter.get("createdAfter")).toInstant() : null,
                filter.containsKey("createdBefore") ? java.time.OffsetDateTime.parse((String) filter.get("createdBefore")).toInstant() : null,
                null);
        return seeded.stream().filter(listing::matches)
                .sorted(Comparator.comparing(SessionPosition::of, SessionPosition.LISTING_ORDER))
                .map(SessionRecord::sessionId).toList();
    }

    private static List<String> pageThrough(String token, Map<String, Object> filter, int limit) {
        List<String> listed = new ArrayList<>();
        String pageToken = null;
        for (int page = 0; page < 20; page++) {
            StringBuilder body = new StringBuilder("{\"limit\":" + limit);
            filter.forEach((name, value) -> body.append(",\"").append(name).append("\":\"").append(value).append('"'));
            if (pageToken != null) {
                body.append(",\"pageToken\":\"").append(pageToken).append('"');
            }
            Response answer = list(token, body.append('}').toString());
            answer.then().statusCode(200);
            List<String> ids = answer.path("sessions.sessionId");
            assertTrue(ids.size() <= limit);
            listed.addAll(ids);
            pageToken = answer.path("nextPageToken");
            if (pageToken == null) {
                return listed;
            }
        }
        throw new AssertionError("more than 20 pages");
    }

    static Response list(String token, String body) {
        return given().header("Authorization", TestCallers.bearer(token)).contentType(ContentType.JSON).body(body)
                .post("/listSessions");
    }

    private static void refused(String token, String body, int status, String code, String field) {
        list(token, body).then().statusCode(status).contentType("application/problem+json")
                .body("code", equalTo(code)).body("field", equalTo(field));
    }

    private static String flip(String text) {
        return (text.charAt(0) == 'A' ? 'B' : 'A') + text.substring(1);
    }
}
