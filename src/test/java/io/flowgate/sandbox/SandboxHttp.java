package io.flowgate.sandbox;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

/** Requests straight to the sandbox's own server (not through the Lambda mock event server). */
final class SandboxHttp {

    static final String CREATE = Endpoint.CREATE.path();
    static final String RESULT = Endpoint.RESULT.path();
    static final String VIDEO = Endpoint.VIDEO.path();

    private SandboxHttp() {
    }

    static RequestSpecification sandbox() {
        return RestAssured.given().baseUri("http://localhost").port(port()).redirects().follow(false);
    }

    static int port() {
        return ConfigProvider.getConfig().getValue("flowgate.sandbox.port", Integer.class);
    }

    /** The API key of a sandbox flow from the test profile ({@code individuals}, {@code everyone}, {@code legal-entities}). */
    static String key(String flow) {
        return ConfigProvider.getConfig().getValue("flowgate.sandbox.flows." + flow + ".api-key", String.class);
    }

    /** Creates a session of the flow with this JSON body after the api_key, e.g. {@code "metadata": {...}}. */
    static String createSession(String flow, String moreJson) {
        String extra = moreJson.isEmpty() ? "" : ", " + moreJson;
        return sandbox().contentType(ContentType.JSON)
                .body("{\"api_key\": \"" + key(flow) + "\"" + extra + "}")
                .post(CREATE)
                .then().statusCode(200)
                .extract().path("session_id");
    }

    static String createSession(String flow) {
        return createSession(flow, "");
    }
}
