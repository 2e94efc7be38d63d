package io.flowgate.demo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowgate.sandbox.Sandbox;
import io.flowgate.store.InMemorySessionStore;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The demo's routes over HTTP, through the Lambda event path. */
@QuarkusTest
class DemoRoutesTest {

    @Inject
    Sandbox sandbox;

    @Inject
    InMemorySessionStore store;

    @ConfigProperty(name = "flowgate.public-base-url")
    String baseUrl;

    @Test
    void listsTheConfiguredFlowsOnTheStartPage() {
        given().when().get("/?lang=en").then()
                .statusCode(200)
                .contentType("text/html")
                .header("Cache-Control", "no-store")
                .body(containsString("<option value=\"individuals\">individuals</option>"))
                .body(containsString("<option value=\"legal-entities\">legal-entities</option>"))
                .body(containsString("Generate a valid fake IIN"));
    }

    @Test
    void createsTheSessionServerSideAndSendsTheBrowserToTheVendor() {
        Response started = start("everyone", "en");

        started.then().statusCode(303);
        URI vendor = URI.create(started.header("Location"));
        assertTrue(vendor.toString().startsWith(sandbox.baseUrl() + "/sandbox/flow/"), vendor.toString());
        String sessionId = vendor.getPath().substring(vendor.getPath().lastIndexOf('/') + 1);
        assertEquals(baseUrl + "/demo/return?lang=en", store.find(sessionId).orElseThrow().returnUrl());
    }

    @Test
    void showsTheStoredStatusNotTheOneTheUrlClaims() {
        URI vendor = URI.create(start("everyone", "en").header("Location"));
        String sessionId = vendor.getPath().substring(vendor.getPath().lastIndexOf('/') + 1);

        given().queryParam("session_id", sessionId).queryParam("status", "completed").queryParam("lang", "en")
                .when().get("/demo/return").then()
                .statusCode(200)
                .body(containsString("data-status=\"CREATED\""))
                .body(containsString("No decision yet"));
    }

    @Test
    void showsAnUnknownSessionAsAPageNotAnError() {
        given().queryParam("session_id", UUID.randomUUID().toString()).when().get("/demo/return").then()
                .statusCode(404)
                .contentType("text/html")
                .body(containsString("data-code=\"session_not_found\""));
    }

    @Test
    void escapesWhatItEchoes() {
        given().queryParam("session_id", "<script>alert(1)</script>").when().get("/demo/return").then()
                .statusCode(400)
                .body(containsString("data-code=\"invalid_session_id\""))
                .body(not(containsString("<script>alert")));
        given().formParam("flow", "\"><script>alert(1)</script>").formParam("phone", "<b>x</b>")
                .when().post("/demo/start").then()
                .statusCode(400)
                .body(not(containsString("<script>alert")))
                .body(not(containsString("<b>x</b>")))
                .body(containsString("value=\"&lt;b&gt;x&lt;/b&gt;\""));
    }

    private static Response start(String flow, String locale) {
        return given().redirects().follow(false).formParam("flow", flow).formParam("locale", locale)
                .when().post("/demo/start");
    }
}
