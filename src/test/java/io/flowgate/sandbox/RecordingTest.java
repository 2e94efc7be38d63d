package io.flowgate.sandbox;

import static io.flowgate.sandbox.SandboxHttp.CREATE;
import static io.flowgate.sandbox.SandboxHttp.RESULT;
import static io.flowgate.sandbox.SandboxHttp.createSession;
import static io.flowgate.sandbox.SandboxHttp.key;
import static io.flowgate.sandbox.SandboxHttp.sandbox;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RecordingTest {

    @Inject
    Sandbox sandbox;

    @Test
    void recordsTheRequestExactlyAsSent() {
        String body = "{\"api_key\": \"" + key("everyone") + "\",\n \"metadata\": {\"face2face\": {\"photo1\": \"aGk=\"}}}";
        sandbox().contentType("application/json; charset=UTF-8").header("X-Request-Id", "r-1").body(body).post(CREATE)
                .then().statusCode(200);
        RecordedRequest request = sandbox.lastRequest(CREATE).orElseThrow();
        assertEquals("POST", request.method());
        assertEquals(CREATE, request.path());
        assertEquals(body, request.body());
        assertEquals(Optional.of("application/json; charset=UTF-8"), request.contentType());
        assertEquals(Optional.of("r-1"), request.header("x-request-id"));
        assertEquals(List.of("r-1"), request.headers().get("x-request-id"));
        assertEquals(java.util.Map.of(), request.query());
        assertEquals("RecordedRequest[POST " + CREATE + "]", request.toString(), "no key or body in toString");
    }

    @Test
    void recordsQueryParametersDecodedAndEveryRequestInOrder() {
        String session = createSession("individuals");
        sandbox().queryParam("session_id", session).queryParam("flow_api_key", key("individuals"))
                .get(RESULT).then().statusCode(200);
        sandbox().get("/favicon.ico").then().statusCode(404);
        List<RecordedRequest> all = sandbox.recordedRequests();
        assertEquals(List.of(CREATE, RESULT, "/favicon.ico"), all.stream().map(RecordedRequest::path).toList());
        RecordedRequest result = sandbox.lastRequest(Endpoint.RESULT).orElseThrow();
        assertEquals(Optional.of(session), result.queryParam("session_id"));
        assertEquals(Optional.of(key("individuals")), result.queryParam("flow_api_key"));
        assertEquals("", result.body());
    }

    @Test
    void recordsTheFlowPagesFormPost() {
        String session = createSession("everyone");
        sandbox().contentType(ContentType.URLENC).formParam("LDHP", "fail").formParam("redirect", "https://example.com/a?b=c")
                .post("/sandbox/flow/" + session).then().statusCode(303);
        RecordedRequest post = sandbox.lastRequest("/sandbox/flow/" + session).orElseThrow();
        assertEquals("LDHP=fail&redirect=https%3A%2F%2Fexample.com%2Fa%3Fb%3Dc", post.body());
        assertTrue(post.contentType().orElseThrow().startsWith("application/x-www-form-urlencoded"));
    }

    @Test
    void keepsABoundedNumberOfTheLatestRequests() {
        int max = ConfigProvider.getConfig().getValue("flowgate.sandbox.max-recorded-requests", Integer.class);
        for (int i = 0; i <= max; i++) {
            sandbox().get("/probe/" + i).then().statusCode(404);
        }
        List<RecordedRequest> all = sandbox.recordedRequests();
        assertEquals(max, all.size());
        assertEquals("/probe/1", all.get(0).path());
        assertEquals("/probe/" + max, all.get(max - 1).path());
    }

    @Test
    void aResetForgetsRequestsAndSessions() {
        String session = createSession("everyone");
        sandbox.reset();
        assertEquals(List.of(), sandbox.recordedRequests());
        assertEquals(Optional.empty(), sandbox.lastRequest(CREATE));
        assertFalse(sandbox.session(session).isPresent());
    }
}
