package io.flowgate.video;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.flowgate.sandbox.Endpoint;
import io.flowgate.sandbox.Fault;
import io.flowgate.sandbox.Sandbox;
import io.flowgate.store.InMemorySessionStore;
import io.flowgate.testsupport.TestCallers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GET /sessions/{id}/video without an archive: the vendor's recording streamed through the Lambda event path. */
@QuarkusTest
class VideoEndpointTest {

    @Inject
    Sandbox sandbox;

    @Inject
    InMemorySessionStore store;

    @Test
    void streamsTheVendorsRecordingWithItsTypeAndLength() throws Exception {
        String sessionId = Videos.finishedSession(sandbox);
        sandbox.videoSize(1_234_567);

        Response answer = given().when().get("/sessions/" + sessionId + "/video");

        answer.then().statusCode(200).contentType("video/mp4").header("Content-Length", "1234567")
                .header("Cache-Control", "no-store");
        assertArrayEquals(Videos.vendorBytes(sandbox, sessionId), answer.asByteArray());
        assertEquals(1_234_567, answer.asByteArray().length);
        assertNull(store.find(sessionId).orElseThrow().videoArchive());
    }

    @ParameterizedTest
    @ValueSource(strings = {"..%2F..%2Fetc%2Fpasswd", "not.a.session", "00000000-0000-4000-8000-00000000000%C3%A9",
            "%00", "00000000-0000-4000-8000-000000000000%0A"})
    void refusesAnIdNotOfTheSafeFormAndSendsNothingUpstream(String id) {
        given().urlEncodingEnabled(false).when().get("/sessions/" + id + "/video")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("invalid_session_id"));
        assertEquals(0, sandbox.recordedRequests().size());
    }

    @Test
    void answersAnUnknownSessionWith404AndSendsNothingUpstream() {
        given().when().get("/sessions/00000000-0000-4000-8000-000000000000/video")
                .then().statusCode(404).body("code", equalTo("session_not_found"));
        assertEquals(0, sandbox.recordedRequests().size());
    }

    @Test
    void answersASessionOfAFlowTheCallerMayNotUseAsNotFoundAndSendsNothingUpstream() {
        String sessionId = Videos.finishedSession(sandbox);
        long before = sandbox.recordedRequests().size();

        given().header("Authorization", TestCallers.bearer(TestCallers.LEGAL_ENTITIES_ONLY_TOKEN))
                .when().get("/sessions/" + sessionId + "/video")
                .then().statusCode(404).body("code", equalTo("session_not_found"));
        assertEquals(before, sandbox.recordedRequests().size());
    }

    @Test
    void refusesARequestWithoutToken() throws Exception {
        String sessionId = Videos.finishedSession(sandbox);

        String baseUrl = ConfigProvider.getConfig().getValue("flowgate.public-base-url", String.class);

        assertEquals(401, Videos.get(java.net.URI.create(baseUrl + "/sessions/" + sessionId + "/video")).statusCode());
    }

    @Test
    void answersASessionWithoutRecordingWithVideoNotFound() {
        String sessionId = given().contentType("application/json").body("{\"flow\":\"individuals\"}")
                .when().post("/createSession").then().extract().path("sessionId");

        given().when().get("/sessions/" + sessionId + "/video")
                .then().statusCode(404).contentType("application/problem+json").body("code", equalTo("video_not_found"));
    }

    @Test
    void mapsAVendorOutageLikeEveryFunction() {
        String sessionId = Videos.finishedSession(sandbox);
        sandbox.injectAlways(Endpoint.VIDEO, Fault.status(503));

        given().when().get("/sessions/" + sessionId + "/video")
                .then().statusCode(503).header("Retry-After", "5").body("code", equalTo("upstream_unavailable"));
    }

    @Test
    void mapsARejectedKeyLikeEveryFunction() {
        String sessionId = Videos.finishedSession(sandbox);
        sandbox.injectNext(Endpoint.VIDEO, 1, Fault.status(403));

        given().when().get("/sessions/" + sessionId + "/video")
                .then().statusCode(502).body("code", equalTo("upstream_key_rejected"));
    }
}
