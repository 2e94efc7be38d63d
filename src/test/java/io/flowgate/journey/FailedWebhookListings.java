package io.flowgate.journey;

import static io.flowgate.journey.Webhooks.listFailedWebhooks;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flowgate.store.SessionRecord;
import io.flowgate.store.SessionStatus;
import io.flowgate.store.SessionStore;
import io.flowgate.store.WebhookDelivery;
import io.flowgate.testsupport.TestCallers;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@code listFailedWebhooks} over HTTP on a store filled with failed deliveries of several flows: a restricted
 * caller's listing, paging with the opaque tokens, and tokens refused. Run on both stores (memory and dynalite).
 */
final class FailedWebhookListings {

    /** Later than anything the other tests fail, so that these come first in the listing. */
    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

    private final SessionStore store;

    FailedWebhookListings(SessionStore store) {
        this.store = store;
    }

    /** 300 failures of another flow, all more recent: the caller allowed one flow gets its 3 in one page. */
    void aRestrictedCallerGetsItsFewFailuresInOnePageAmongManyOfOtherFlows() {
        for (int i = 0; i < 300; i++) {
            failed("everyone", T0.plusSeconds(1_000 + i));
        }
        List<String> mine = List.of(failed("legal-entities", T0.plusSeconds(3)), failed("legal-entities",
                T0.plusSeconds(2)), failed("legal-entities", T0.plusSeconds(1)));

        Response page = given().header("Authorization", TestCallers.bearer(TestCallers.LEGAL_ENTITIES_ONLY_TOKEN))
                .contentType(ContentType.JSON).body("{}").post("/listFailedWebhooks");

        page.then().statusCode(200).body("nextPageToken", nullValue());
        assertEquals(mine, page.path("deliveries.sessionId"));
        assertEquals(List.of("legal-entities", "legal-entities", "legal-entities"), page.path("deliveries.flow"));
    }

    /**
     * Failures of four flows, interleaved in time, four of them in the same millisecond: paged 5 at a time, every
     * one is listed once, in order, and the last page has no token.
     */
    void pagesThroughEveryFlowOfTheCallerCompletelyAndWithoutDuplicates() {
        List<String> flows = List.of("individuals", "everyone", "legal-entities", "revoked");
        List<String> expected = new ArrayList<>();
        List<String> tied = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String sessionId = failed(flows.get(i % 4), i < 4 ? T0.plusSeconds(500) : T0.plusSeconds(500 - i));
            (i < 4 ? tied : expected).add(sessionId);
        }
        tied.sort(java.util.Comparator.reverseOrder());
        expected.addAll(0, tied);

        List<String> listed = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String token = null;
        do {
            Response page = listFailedWebhooks("{\"limit\":5" + (token == null ? "" : ",\"pageToken\":\"" + token + "\"")
                    + "}");
            page.then().statusCode(200);
            List<String> ids = page.path("deliveries.sessionId");
            listed.addAll(ids);
            sizes.add(ids.size());
            token = page.path("nextPageToken");
        } while (token != null && sizes.size() < 10);

        assertEquals(List.of(5, 5, 5, 5), sizes);
        assertEquals(expected, listed);
    }

    /** A token altered in its payload or its signature, or made up, is refused with 400 before anything is read. */
    void refusesAPageTokenItDidNotGive() {
        failed("everyone", T0.plusSeconds(2));
        failed("everyone", T0.plusSeconds(1));
        String token = listFailedWebhooks("{\"limit\":1}").then().statusCode(200).extract().path("nextPageToken");
        String payload = token.substring(0, token.indexOf('.'));
        String signature = token.substring(token.indexOf('.') + 1);
        String otherPayload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("v1." + T0.plusSeconds(2).toEpochMilli() + ".zzzz").getBytes(java.nio.charset.StandardCharsets.UTF_8));

        for (String bad : List.of(otherPayload + "." + signature, payload + "." + flipFirst(signature), flipFirst(payload) + "."
                + signature, "not-a-token", "", token + ".")) {
            listFailedWebhooks("{\"pageToken\":\"" + bad + "\"}").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("code", equalTo("invalid_page_token")).body("field", equalTo("pageToken"));
        }
        listFailedWebhooks("{\"pageToken\":\"" + token + "\"}").then().statusCode(200)
                .body("deliveries.size()", equalTo(1));
    }

    private static String flipFirst(String text) {
        return (text.charAt(0) == 'A' ? 'B' : 'A') + text.substring(1);
    }

    /** Stores a completed session of {@code flow} whose delivery FAILED at {@code at}; returns its id. */
    private String failed(String flow, Instant at) {
        String sessionId = UUID.randomUUID().toString();
        Instant created = at.minus(Duration.ofMinutes(30));
        SessionRecord open = SessionRecord.created(sessionId, flow, "tests", null, List.of("LD"), created,
                created.plus(Duration.ofMinutes(10)), null, "en", created);
        SessionRecord completed = open.next(SessionStatus.COMPLETED, null, created.plusSeconds(60),
                created.plusSeconds(60), "{}", "approved", List.of(), null);
        String type = "session.completed";
        WebhookDelivery failed = WebhookDelivery.pending("evt_" + sessionId.replace("-", ""), type,
                completed.completedAt(), List.of()).after(new WebhookDelivery.Attempt(at, 500, null, "failed"),
                        WebhookDelivery.State.FAILED, null);
        store.create(completed.withWebhook(failed));
        return sessionId;
    }
}
