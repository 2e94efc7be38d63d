package io.flowgate.journey;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a person and an integrator do, step by step over HTTP, with every redirect followed by hand. */
public final class Journeys {

    private Journeys() {
    }

    /** createSession; returns its JSON answer. */
    public static Response createSession(String body) {
        Response created = given().contentType(ContentType.JSON).body(body).when().post("/createSession");
        created.then().statusCode(200);
        return created;
    }

    /**
     * Opens the verification URL (the sandbox's hosted flow), submits the given choice per
     * technology and returns the address the sandbox sends the browser to (the callback).
     */
    public static URI passFlow(String verificationUrl, Map<String, String> choices) {
        URI page = URI.create(verificationUrl);
        given().redirects().follow(false).when().get(page).then().statusCode(200);
        Map<String, String> query = query(page.getRawQuery());
        Response submitted = given().redirects().follow(false)
                .formParams(choices)
                .formParam("redirect", query.get("redirect"))
                .formParam("locale", query.get("locale"))
                .when().post(URI.create(page.getScheme() + "://" + page.getAuthority() + page.getPath()));
        submitted.then().statusCode(303);
        return URI.create(submitted.header("Location"));
    }

    /** The browser arriving at flowgate's callback. */
    public static Response arriveAtCallback(URI callback) {
        return given().redirects().follow(false).when().get(callback);
    }

    public static Response getResult(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/getResult");
    }

    public static Response collectResult(String sessionId) {
        return given().contentType(ContentType.JSON).body("{\"sessionId\":\"" + sessionId + "\"}")
                .when().post("/collectResult");
    }

    public static Map<String, String> query(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            params.put(pair.substring(0, eq),
                    java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
        }
        return params;
    }
}
