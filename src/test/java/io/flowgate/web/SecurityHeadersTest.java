package io.flowgate.web;

import static io.flowgate.journey.Journeys.arriveAtCallback;
import static io.flowgate.journey.Journeys.collectResult;
import static io.flowgate.journey.Journeys.createSession;
import static io.flowgate.journey.Journeys.getResult;
import static io.flowgate.journey.Journeys.passFlow;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.flowgate.sandbox.Sandbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The headers that keep the callback's state token, results and videos out of referrers, caches and frames. */
@QuarkusTest
class SecurityHeadersTest {

    private static final String RETURN_URL = "https://shop.example.com/kyc/done";
    private static final String PAGE_POLICY = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    @Inject
    Sandbox sandbox;

    @Test
    void theCallbacksRedirectSendsNoReferrerAndIsNotCached() {
        Response created = createSession("{\"flow\":\"everyone\",\"returnUrl\":\"" + RETURN_URL + "\"}");

        arriveAtCallback(passFlow(created.path("verificationUrl"), Map.of())).then().statusCode(303)
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void theCallbacksStatusPageSendsNoReferrerLoadsNothingAndCannotBeFramed() {
        Response created = createSession("{\"flow\":\"everyone\",\"locale\":\"en\"}");

        arriveAtCallback(passFlow(created.path("verificationUrl"), Map.of())).then().statusCode(200)
                .contentType("text/html")
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", PAGE_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store");
    }

    @Test
    void theCallbacksErrorPageSendsNoReferrerLoadsNothingAndCannotBeFramed() {
        given().redirects().follow(false).queryParam("state", "v1.tampered").get("/callback").then().statusCode(400)
                .contentType("text/html")
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", PAGE_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store");
    }

    @Test
    void theCallbacksPagesUseNothingTheirPolicyForbids() {
        Response created = createSession("{\"flow\":\"everyone\",\"locale\":\"en\"}");
        String page = arriveAtCallback(passFlow(created.path("verificationUrl"), Map.of())).asString();

        for (String forbidden : new String[] {"<style", "style=", "<script", "<img", "<link", "<form", "<iframe", "src="}) {
            assertThat(page, not(containsString(forbidden)));
        }
    }

    @Test
    void getResultIsNotCachedWithOrWithoutTheRawResult() {
        String sessionId = createSession("{\"flow\":\"everyone\"}").path("sessionId");
        sandbox.complete(sessionId, Map.of());
        collectResult(sessionId).then().statusCode(200)
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff");

        getResult("{\"sessionId\":\"" + sessionId + "\"}").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff");
        getResult("{\"sessionId\":\"" + sessionId + "\",\"includeRaw\":true}").then().statusCode(200)
                .body("raw", notNullValue())
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void collectResultIsNotCachedWithTheRawResult() {
        String sessionId = createSession("{\"flow\":\"everyone\"}").path("sessionId");
        sandbox.complete(sessionId, Map.of());

        given().contentType(ContentType.JSON).body("{\"sessionId\":\"" + sessionId + "\",\"includeRaw\":true}")
                .post("/collectResult").then().statusCode(200)
                .body("raw", notNullValue())
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void createSessionIsNotCached() {
        given().contentType(ContentType.JSON).body("{\"flow\":\"everyone\"}").post("/createSession").then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void aProblemIsNotCachedEither() {
        given().contentType(ContentType.JSON).body("{\"sessionId\":\"00000000-0000-4000-8000-000000000000\"}")
                .post("/getResult").then().statusCode(404)
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff");
        given().contentType(ContentType.JSON).header("Authorization", "Bearer not-a-token")
                .body("{\"sessionId\":\"00000000-0000-4000-8000-000000000000\"}")
                .post("/getResult").then().statusCode(401)
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void theStreamedVideoIsNotCached() {
        String sessionId = createSession("{\"flow\":\"individuals\"}").path("sessionId");
        sandbox.complete(sessionId, Map.of());

        given().get("/sessions/" + sessionId + "/video").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff");
    }
}
