package io.flowgate.lifecycle;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowgate.sandbox.Endpoint;
import io.flowgate.sandbox.Sandbox;
import io.flowgate.store.Reservation;
import io.flowgate.store.ReservationStore;
import io.flowgate.store.SessionStore;
import io.flowgate.testsupport.MutableClock;
import io.flowgate.testsupport.StoreFaults;
import io.flowgate.testsupport.TestCallers;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A session the vendor created is paid for: it is never lost and never paid twice for a request with a reference,
 * whatever the store does right after the vendor's answer; and references belong to the caller that uses them.
 * Run on each store by a subclass; each test checks every session the vendor handed out.
 */
abstract class PaidSessionFaults {

    /** The test caller ({@code tests}) may use every flow; this one only {@code legal-entities}. */
    static final String OTHER_CALLER = TestCallers.bearer(TestCallers.LEGAL_ENTITIES_ONLY_TOKEN);

    @Inject
    Sandbox sandbox;

    @Inject
    SessionStore store;

    @Inject
    ReservationStore reservations;

    @Inject
    StoreFaults storeFaults;

    @Inject
    MutableClock clock;

    @Test
    void aStoreThatRefusesTwiceStillKeepsThePaidSessionWithOneVendorCall() {
        storeFaults.failNextCreates(2);

        String sessionId = create(TestCallers.bearer(TestCallers.TOKEN), body(fresh("retried"))).then().statusCode(200)
                .extract().path("sessionId");

        assertEquals(1, vendorCreations());
        assertTrue(store.find(sessionId).isPresent(), "the paid session has its record");
    }

    @Test
    void aStoreThatKeepsRefusingAnswers503AndTheSameRequestLaterAnswersWithThePaidSession() {
        String reference = fresh("refused");
        storeFaults.failNextCreates(3);

        create(TestCallers.bearer(TestCallers.TOKEN), body(reference)).then().statusCode(503)
                .header("Retry-After", "5").body("code", equalTo("store_unavailable"));
        String paid = pendingSession("tests", reference);
        assertTrue(store.find(paid).isEmpty());

        String answered = create(TestCallers.bearer(TestCallers.TOKEN), body(reference)).then().statusCode(200)
                .extract().path("sessionId");

        assertEquals(paid, answered);
        assertEquals(1, vendorCreations(), "the vendor's session is not paid twice");
        assertTrue(store.find(paid).isPresent());
    }

    @Test
    void theSweepStoresAPaidSessionWhoseRequestDiedBeforeItsRecord() {
        String reference = fresh("orphan");
        storeFaults.failNextCreates(3);
        create(TestCallers.bearer(TestCallers.TOKEN), body(reference)).then().statusCode(503);
        String paid = pendingSession("tests", reference);

        clock.advance(Duration.ofSeconds(31));
        given().contentType(ContentType.JSON).body("{}").post("/sweep").then().statusCode(200)
                .body("recovered", equalTo(1));

        assertTrue(store.find(paid).isPresent(), "the orphan has its record");
        assertNull(reservations.find("tests/" + reference).orElseThrow().pending());
        given().contentType(ContentType.JSON).body("{\"reference\":\"" + reference + "\"}").post("/getResult")
                .then().statusCode(200).body("sessionId", equalTo(paid));
        assertEquals(1, vendorCreations());
    }

    @Test
    void twoCallersUseTheSameReferenceIndependentlyAndEachReadsOnlyItsOwn() {
        String reference = fresh("shared");
        String mine = create(TestCallers.bearer(TestCallers.TOKEN), body(reference, "legal-entities"))
                .then().statusCode(200).extract().path("sessionId");
        String theirs = create(OTHER_CALLER, body(reference, "legal-entities"))
                .then().statusCode(200).extract().path("sessionId");
        String theirsAgain = create(OTHER_CALLER, body(reference, "legal-entities"))
                .then().statusCode(200).extract().path("sessionId");

        assertNotEquals(mine, theirs, "a caller never receives another caller's session through a reference");
        assertEquals(theirs, theirsAgain);
        assertEquals(2, vendorCreations());
        given().contentType(ContentType.JSON).body("{\"reference\":\"" + reference + "\"}").post("/getResult")
                .then().statusCode(200).body("sessionId", equalTo(mine));
        given().header("Authorization", OTHER_CALLER).contentType(ContentType.JSON)
                .body("{\"reference\":\"" + reference + "\"}").post("/getResult")
                .then().statusCode(200).body("sessionId", equalTo(theirs));
    }

    @Test
    void aReferenceOfAnotherCallerIsNeitherInUseNorReadable() {
        String reference = fresh("private");
        create(TestCallers.bearer(TestCallers.TOKEN), body(reference, "everyone")).then().statusCode(200);

        given().header("Authorization", OTHER_CALLER).contentType(ContentType.JSON)
                .body("{\"reference\":\"" + reference + "\"}").post("/getResult")
                .then().statusCode(404).body("code", equalTo("session_not_found"));
        create(OTHER_CALLER, body(reference, "legal-entities")).then().statusCode(200);
    }

    private String pendingSession(String caller, String reference) {
        Reservation held = reservations.find(caller + "/" + reference).orElseThrow();
        assertTrue(held.pending() != null, "the reservation keeps the paid session: " + held);
        return held.pending().sessionId();
    }

    private long vendorCreations() {
        return sandbox.recordedRequests().stream().filter(r -> r.path().equals(Endpoint.CREATE.path())).count();
    }

    private static Response create(String authorization, String body) {
        return given().header("Authorization", authorization).contentType(ContentType.JSON).body(body)
                .post("/createSession");
    }

    private static String body(String reference) {
        return body(reference, "everyone");
    }

    private static String body(String reference, String flow) {
        return "{\"flow\":\"" + flow + "\",\"reference\":\"" + reference + "\"}";
    }

    private static String fresh(String name) {
        return name + "-" + UUID.randomUUID();
    }
}
