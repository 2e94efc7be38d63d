package io.flowgate.functions;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.flowgate.flow.creation.CreatedSession;
import io.flowgate.flow.creation.SessionCreation;
import io.flowgate.flow.creation.SessionRequest;
import io.flowgate.flow.session.Caller;
import io.flowgate.sandbox.Endpoint;
import io.flowgate.sandbox.Fault;
import io.flowgate.sandbox.Sandbox;
import io.flowgate.store.InMemorySessionStore;
import io.flowgate.testsupport.FakeIins;
import io.flowgate.testsupport.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** createSession by reference: a repeated request gets the same session, never a second paid one. */
@QuarkusTest
class CreateSessionIdempotencyTest {

    @Inject
    Sandbox sandbox;

    @Inject
    InMemorySessionStore store;

    @Inject
    MutableClock clock;

    @Inject
    SessionCreation creation;

    private String reference;

    @BeforeEach
    void newReference() {
        reference = "order-" + UUID.randomUUID();
    }

    @Test
    void answersARepeatedRequestWithTheSameSessionWithoutASecondVendorCall() {
        String body = request(reference, FakeIins.valid(1), "en");

        ExtractableResponse<Response> first = create(body).statusCode(200).extract();
        ExtractableResponse<Response> second = create(body).statusCode(200).extract();

        assertEquals(first.asString(), second.asString());
        assertEquals(1, vendorCreations());
        assertEquals(1, store.size());
    }

    @Test
    void refusesTheSameReferenceWithOtherParametersWith409() {
        create(request(reference, FakeIins.valid(1), "en")).statusCode(200);

        create(request(reference, FakeIins.valid(2), "en"))
                .statusCode(409)
                .body("code", equalTo("reference_conflict"))
                .body("field", equalTo("reference"));
        create(request(reference, FakeIins.valid(1), "ru"))
                .statusCode(409)
                .body("code", equalTo("reference_conflict"));

        assertEquals(1, vendorCreations());
        assertEquals(1, store.size());
    }

    @Test
    void createsANewSessionOnceTheFirstHasExpired() {
        String body = request(reference, FakeIins.valid(1), "en");
        String first = create(body).statusCode(200).extract().path("sessionId");

        clock.advance(Duration.ofMinutes(11));
        String second = create(body).statusCode(200).extract().path("sessionId");

        assertNotEquals(first, second);
        assertEquals(2, vendorCreations());
    }

    @Test
    void releasesTheReferenceWhenTheVendorFailsSoThatARetryCreates() {
        sandbox.injectNext(Endpoint.CREATE, 1, Fault.status(500));
        String body = request(reference, FakeIins.valid(1), "en");

        create(body).statusCode(503).body("code", equalTo("upstream_unavailable"));
        create(body).statusCode(200);

        assertEquals(2, vendorCreations());
        assertEquals(1, store.size());
    }

    @Test
    void givesSimultaneousRequestsTheOneSessionTheFirstCreates() throws Exception {
        sandbox.injectNext(Endpoint.CREATE, 1, Fault.delay(Duration.ofMillis(600)));
        SessionRequest request = new SessionRequest("everyone", reference, "en", null, null, null, null);
        int requests = 4;
        CyclicBarrier start = new CyclicBarrier(requests);
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        try {
            List<Future<CreatedSession>> answers = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                answers.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return creation.create(request, Caller.internal("test"));
                }));
            }
            CreatedSession first = answers.get(0).get(20, TimeUnit.SECONDS);
            for (Future<CreatedSession> answer : answers) {
                assertEquals(first, answer.get(20, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, vendorCreations());
        assertEquals(1, store.size());
    }

    @Test
    void treatsRequestsWithoutAReferenceAsDifferentSessions() {
        String body = "{\"flow\":\"everyone\"}";

        String first = create(body).statusCode(200).extract().path("sessionId");
        String second = create(body).statusCode(200).extract().path("sessionId");

        assertNotEquals(first, second);
        assertEquals(2, vendorCreations());
    }

    private static io.restassured.response.ValidatableResponse create(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/createSession").then();
    }

    private static String request(String reference, String iin, String locale) {
        return "{\"flow\":\"individuals\",\"reference\":\"" + reference + "\",\"locale\":\"" + locale + "\","
                + "\"prefill\":{\"iin\":{\"value\":\"" + iin + "\",\"changeable\":false}}}";
    }

    private long vendorCreations() {
        return sandbox.recordedRequests().stream().filter(r -> r.path().equals(Endpoint.CREATE.path())).count();
    }
}
