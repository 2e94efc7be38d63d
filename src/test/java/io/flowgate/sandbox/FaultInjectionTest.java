package io.flowgate.sandbox;

import static io.flowgate.sandbox.SandboxHttp.CREATE;
import static io.flowgate.sandbox.SandboxHttp.RESULT;
import static io.flowgate.sandbox.SandboxHttp.VIDEO;
import static io.flowgate.sandbox.SandboxHttp.createSession;
import static io.flowgate.sandbox.SandboxHttp.key;
import static io.flowgate.sandbox.SandboxHttp.sandbox;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Map;
import org.apache.http.NoHttpResponseException;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FaultInjectionTest {

    @Inject
    Sandbox sandbox;

    private static Response create() {
        return sandbox().contentType(ContentType.JSON).body("{\"api_key\": \"" + key("everyone") + "\"}").post(CREATE);
    }

    private static Response result(String session) {
        return sandbox().queryParam("session_id", session).queryParam("flow_api_key", key("everyone")).get(RESULT);
    }

    @Test
    void theNextRequestsAnswerTheStatusThenAllIsWell() {
        sandbox.injectNext(Endpoint.CREATE, 2, Fault.status(503));
        create().then().statusCode(503).contentType("application/json")
                .body(equalTo("{\"detail\":\"Service temporarily unavailable, try again later.\"}"));
        create().then().statusCode(503);
        create().then().statusCode(200);
        assertEquals(3, sandbox.recordedRequests().size(), "faulted requests are recorded too");
    }

    @Test
    void faultsPlannedOneAfterAnotherComeInOrder() {
        sandbox.injectNext(Endpoint.CREATE, 1, Fault.status(500));
        sandbox.injectNext(Endpoint.CREATE, 1, Fault.status(422, "Flow is disabled."));
        create().then().statusCode(500).body(equalTo("{\"detail\":\"A server error occurred.\"}"));
        create().then().statusCode(422).body(equalTo("{\"detail\":\"Flow is disabled.\"}"));
        create().then().statusCode(200);
    }

    @Test
    void aFaultForOneEndpointLeavesTheOthersAlone() {
        sandbox.injectAlways(Endpoint.VIDEO, Fault.status(500));
        String session = createSession("everyone");
        result(session).then().statusCode(200);
    }

    @Test
    void anAlwaysFaultStaysUntilCleared() {
        String session = createSession("everyone");
        sandbox.injectAlways(Endpoint.RESULT, Fault.status(429));
        for (int i = 0; i < 3; i++) {
            result(session).then().statusCode(429)
                    .body(equalTo("{\"detail\":\"Request was throttled. Expected available in 60 seconds.\"}"));
        }
        sandbox.clearFaults();
        result(session).then().statusCode(200);
    }

    @Test
    void aDelayTripsAClientReadTimeoutOfTwoSeconds() {
        String session = createSession("everyone");
        sandbox.injectNext(Endpoint.RESULT, 1, Fault.delay(Duration.ofMillis(2_500)));
        RestAssuredConfig twoSeconds = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.socket.timeout", 2_000).setParam("http.connection.timeout", 2_000));
        long start = System.nanoTime();
        assertThrows(SocketTimeoutException.class, () -> sandbox().config(twoSeconds)
                .queryParam("session_id", session).queryParam("flow_api_key", key("everyone")).get(RESULT));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 2_000);
        assertTrue(sandbox.lastRequest(Endpoint.RESULT).isPresent(), "recorded");
        result(session).then().statusCode(200);
    }

    @Test
    void aShortDelayThenAnswersNormally() {
        sandbox.injectNext(Endpoint.CREATE, 1, Fault.delay(Duration.ofMillis(300)));
        long start = System.nanoTime();
        create().then().statusCode(200);
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 300);
    }

    @Test
    void aClosedConnectionGivesNoAnswer() {
        sandbox.injectNext(Endpoint.CREATE, 1, Fault.closeConnection());
        assertThrows(NoHttpResponseException.class, FaultInjectionTest::create);
        create().then().statusCode(200);
        assertEquals(2, sandbox.recordedRequests().size());
    }

    @Test
    void malformedJsonComesWithStatus200() {
        String session = createSession("everyone");
        sandbox.complete(session, Map.of());
        sandbox.injectNext(Endpoint.VIDEO, 1, Fault.malformedJson());
        sandbox().queryParam("session_id", session).queryParam("flow_api_key", key("everyone")).get(VIDEO)
                .then().statusCode(200).contentType("application/json").body(equalTo(FaultInjector.MALFORMED_JSON));
        sandbox.injectNext(Endpoint.RESULT, 1, Fault.malformedJson());
        String body = result(session).then().statusCode(200).extract().asString();
        assertEquals(FaultInjector.MALFORMED_JSON, body);
        assertThrows(io.vertx.core.json.DecodeException.class, () -> new io.vertx.core.json.JsonObject(body));
    }

    @Test
    void aResetClearsTheFaults() {
        sandbox.injectAlways(Endpoint.CREATE, Fault.status(500));
        sandbox.reset();
        create().then().statusCode(200);
    }
}
