package io.flowgate.video;

import static io.restassured.RestAssured.given;

import io.flowgate.sandbox.Endpoint;
import io.flowgate.sandbox.Sandbox;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Steps shared by the video tests: a session whose person went through the flow, and the vendor's own bytes. */
final class Videos {

    static final String FLOW = "individuals";
    static final String KEY = "sandbox-individuals-0000000000000000000000000000000000";

    private Videos() {
    }

    /** A session created through createSession and finished at the sandbox, every technology passed. */
    static String finishedSession(Sandbox sandbox) {
        String sessionId = given().contentType(ContentType.JSON).body("{\"flow\":\"" + FLOW + "\"}")
                .when().post("/createSession").then().statusCode(200).extract().path("sessionId");
        sandbox.complete(sessionId, java.util.Map.of());
        return sessionId;
    }

    /** collectResult, which completes the session. */
    static void collect(String sessionId) {
        given().contentType(ContentType.JSON).body("{\"sessionId\":\"" + sessionId + "\"}")
                .when().post("/collectResult").then().statusCode(200);
    }

    /** The video exactly as the sandbox (the vendor) serves it, fetched directly. */
    static byte[] vendorBytes(Sandbox sandbox, String sessionId) throws IOException, InterruptedException {
        return get(URI.create(sandbox.baseUrl() + Endpoint.VIDEO.path() + "?session_id=" + sessionId
                + "&flow_api_key=" + KEY)).body();
    }

    /** A plain GET with the JDK's client: no credentials, no redirects followed. */
    static HttpResponse<byte[]> get(URI uri) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
