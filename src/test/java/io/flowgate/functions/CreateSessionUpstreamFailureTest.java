package io.flowgate.functions;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowgate.sandbox.Endpoint;
import io.flowgate.sandbox.Fault;
import io.flowgate.sandbox.Sandbox;
import io.flowgate.store.InMemorySessionStore;
import io.flowgate.testsupport.LogCapture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each way the vendor can fail session creation, answered clearly, with nothing stored. */
@QuarkusTest
class CreateSessionUpstreamFailureTest {

    static final String REVOKED_KEY = "sandbox-revoked-key-unknown-to-the-sandbox-000000000000";

    @Inject
    Sandbox sandbox;

    @Inject
    InMemorySessionStore store;

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    @Test
    void answers502WhenTheVendorRejectsTheFlowsKeyAndNeverShowsTheKey() {
        String body = createEveryone("revoked")
                .statusCode(502)
                .contentType("application/problem+json")
                .body("code", equalTo("upstream_key_rejected"))
                .body("field", nullValue())
                .extract().asString();

        assertEquals(1, sandbox.recordedRequests().size());
        assertFalse(body.contains(REVOKED_KEY));
        assertFalse(logs.text().contains(REVOKED_KEY));
        assertEquals(0, store.size());
    }

    @Test
    void answers503WithRetryAfterWhenTheVendorFails() {
        sandbox.injectNext(Endpoint.CREATE, 1, Fault.status(500));

        createEveryone("everyone")
                .statusCode(503)
                .header("Retry-After", "5")
                .body("code", equalTo("upstream_unavailable"));
        assertEquals(0, store.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"3fa85f64.5717", "../x", "id with spaces", "reference#order-1", "sess\\u0000x"})
    void refusesASessionIdOfAnUnsafeFormBeforeAnythingIsStored(String sessionId) {
        sandbox.injectNext(Endpoint.CREATE, 1,
                Fault.body("{\"session_id\": \"" + sessionId + "\", \"technologies\": [\"LD\"]}"));

        createEveryone("everyone")
                .statusCode(502)
                .body("code", equalTo("upstream_malformed_response"));
        assertEquals(0, store.size());
    }

    @Test
    void acceptsASessionIdThatIsNotAUuidButOfTheSafeForm() {
        sandbox.injectNext(Endpoint.CREATE, 1,
                Fault.body("{\"session_id\": \"sess_01HZX3K2-abc\", \"technologies\": [\"LD\"]}"));

        String url = createEveryone("everyone").statusCode(200)
                .body("sessionId", equalTo("sess_01HZX3K2-abc"))
                .extract().path("verificationUrl");

        assertTrue(url.contains("/sandbox/flow/sess_01HZX3K2-abc?redirect="), url);
        assertEquals(1, store.size());
        given().contentType("application/json").body("{\"sessionId\": \"sess_01HZX3K2-abc\"}").post("/getResult")
                .then().statusCode(200).body("status", equalTo("CREATED"));
    }

    @Test
    void answers503WhenTheVendorRateLimits() {
        sandbox.injectNext(Endpoint.CREATE, 1, Fault.status(429));

        createEveryone("everyone")
                .statusCode(503)
                .header("Retry-After", "30")
                .body("code", equalTo("upstream_rate_limited"));
    }

    @Test
    void answers504WhenTheVendorDoesNotAnswerInTime() {
        sandbox.injectNext(Endpoint.CREATE, 1, Fault.delay(Duration.ofSeconds(4)));

        createEveryone("everyone")
                .statusCode(504)
                .body("code", equalTo("upstream_timeout"));
        assertEquals(0, store.size());
    }

    @Test
    void answers502WhenTheVendorSendsMalformedJson() {
        sandbox.injectNext(Endpoint.CREATE, 1, Fault.malformedJson());

        createEveryone("everyone")
                .statusCode(502)
                .body("code", equalTo("upstream_malformed_response"));
        assertEquals(0, store.size());
    }

    @Test
    void answers503WhenTheVendorDropsTheConnection() {
        sandbox.injectNext(Endpoint.CREATE, 1, Fault.closeConnection());

        createEveryone("everyone")
                .statusCode(503)
                .body("code", equalTo("upstream_unavailable"));
    }

    @Test
    void passesOnTheVendorsReasonWhenItRejectsTheRequestWithoutNumbers() {
        sandbox.injectNext(Endpoint.CREATE, 1, Fault.status(400, "IIN 123456789012 is not registered at 1414."));

        createEveryone("everyone")
                .statusCode(422)
                .body("code", equalTo("upstream_rejected"))
                .body("detail", equalTo("The vendor rejected the request: IIN [redacted] is not registered at 1414."));
    }

    @Test
    void recoversOnceTheFaultClears() {
        sandbox.injectNext(Endpoint.CREATE, 1, Fault.status(503));
        createEveryone("everyone").statusCode(503);

        createEveryone("everyone").statusCode(200);
        assertEquals(1, store.size());
    }

    private static ValidatableResponse createEveryone(String flow) {
        return given().contentType(ContentType.JSON).body("{\"flow\":\"" + flow + "\"}")
                .when().post("/createSession")
                .then();
    }
}
