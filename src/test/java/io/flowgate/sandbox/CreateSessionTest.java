package io.flowgate.sandbox;

import static io.flowgate.sandbox.SandboxHttp.CREATE;
import static io.flowgate.sandbox.SandboxHttp.RESULT;
import static io.flowgate.sandbox.SandboxHttp.VIDEO;
import static io.flowgate.sandbox.SandboxHttp.key;
import static io.flowgate.sandbox.SandboxHttp.sandbox;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CreateSessionTest {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    @Inject
    Sandbox sandbox;

    @Test
    void createsASessionWithTheFlowsTechnologiesInOrder() {
        sandbox().contentType(ContentType.JSON).body("{\"api_key\": \"" + key("individuals") + "\"}")
                .post(CREATE)
                .then().statusCode(200).contentType("application/json")
                .body("session_id", matchesPattern(UUID))
                .body("technologies", contains("LD", "ED", "F2F"));
        sandbox().contentType(ContentType.JSON).body("{\"api_key\": \"" + key("everyone") + "\"}")
                .post(CREATE).then().statusCode(200).body("technologies", contains("LDHP", "F2F"));
        sandbox().contentType(ContentType.JSON).body("{\"api_key\": \"" + key("legal-entities") + "\"}")
                .post(CREATE).then().statusCode(200).body("technologies", contains("LD", "DR", "F2F"));
    }

    @Test
    void acceptsAJsonContentTypeWithACharset() {
        sandbox().contentType("application/json; charset=UTF-8").body("{\"api_key\": \"" + key("everyone") + "\"}")
                .post(CREATE).then().statusCode(200);
    }

    @Test
    void refusesABodyThatIsNotDeclaredJson() {
        sandbox().config(RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig()
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .contentType("text/plain").body("{\"api_key\": \"" + key("everyone") + "\"}")
                .post(CREATE)
                .then().statusCode(415).contentType("application/json")
                .body(equalTo("{\"detail\":\"Unsupported media type \\\"text/plain\\\" in request.\"}"));
    }

    @Test
    void refusesABodyWithoutContentType() throws Exception {
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + SandboxHttp.port() + CREATE))
                .POST(HttpRequest.BodyPublishers.ofString("{\"api_key\": \"" + key("everyone") + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(415, response.statusCode());
        assertEquals("{\"detail\":\"Unsupported media type \\\"\\\" in request.\"}", response.body());
        assertEquals(Optional.empty(), sandbox.lastRequest(Endpoint.CREATE).orElseThrow().contentType());
    }

    @Test
    void refusesMalformedJsonWithoutEchoingIt() {
        sandbox().contentType(ContentType.JSON).body("{\"api_key\": \"" + key("everyone") + "\", \"iin\": 9001013")
                .post(CREATE)
                .then().statusCode(400)
                .body(equalTo("{\"detail\":\"JSON parse error - the request body is not valid JSON.\"}"))
                .body(not(containsString("9001013")));
    }

    @Test
    void refusesJsonThatIsNotAnObject() {
        sandbox().contentType(ContentType.JSON).body("[\"" + key("everyone") + "\"]")
                .post(CREATE)
                .then().statusCode(400)
                .body(equalTo("{\"non_field_errors\":[\"Invalid data. Expected a dictionary, but got list.\"]}"));
    }

    @Test
    void refusesAnUnknownOrMissingOrNonTextApiKey() {
        for (String body : new String[] {"{\"api_key\": \"sandbox-nobody-000\"}", "{}", "", "{\"api_key\": 42}",
                "{\"api_key\": \"" + key("everyone") + "x\"}"}) {
            sandbox().contentType(ContentType.JSON).body(body)
                    .post(CREATE)
                    .then().statusCode(401).body(equalTo("{\"detail\":\"Invalid API key.\"}"));
        }
    }

    @Test
    void refusesMetadataOfTheWrongTypesNamingEachFieldButNoValue() {
        sandbox().contentType(ContentType.JSON)
                .body("{\"api_key\": \"" + key("individuals") + "\", \"metadata\": {"
                        + "\"face2face\": {\"photo1\": 12},"
                        + "\"edocument\": {\"iin\": {\"value\": 900101300017, \"changeable\": \"no\"},"
                        + " \"phone\": \"+77010000000\", \"skip_input\": null},"
                        + "\"general\": {\"interchangeable_tech\": [\"LD\", 2]}}}")
                .post(CREATE)
                .then().statusCode(400)
                .body(equalTo("{\"metadata\":["
                        + "\"face2face.photo1: Not a valid string.\","
                        + "\"edocument.iin.changeable: Must be a valid boolean.\","
                        + "\"edocument.iin.value: Not a valid string.\","
                        + "\"edocument.phone: Expected a dictionary of items but got type \\\"str\\\".\","
                        + "\"edocument.skip_input: This field may not be null.\","
                        + "\"general.interchangeable_tech[1]: Not a valid string.\"]}"));
    }

    @Test
    void refusesMetadataThatIsNotAnObject() {
        sandbox().contentType(ContentType.JSON)
                .body("{\"api_key\": \"" + key("individuals") + "\", \"metadata\": [\"edocument\"]}")
                .post(CREATE)
                .then().statusCode(400)
                .body(equalTo("{\"metadata\":[\"Expected a dictionary of items but got type \\\"list\\\".\"]}"));
    }

    @Test
    void ignoresUnknownKeysAndKeepsThePrefilledValues() {
        String id = sandbox().contentType(ContentType.JSON)
                .body("{\"api_key\": \"" + key("individuals") + "\", \"colour\": \"blue\", \"metadata\": {"
                        + "\"future\": {\"x\": 1}, \"edocument\": {\"iin\": {\"value\": \"900101300017\", \"shape\": 1},"
                        + " \"phone\": {\"value\": \"+77010000000\"}}}}")
                .post(CREATE)
                .then().statusCode(200).extract().path("session_id");
        SandboxSession session = sandbox.session(id).orElseThrow();
        assertEquals(Optional.of("900101300017"), session.prefill().iin());
        assertEquals(Optional.of("+77010000000"), session.prefill().phone());
        assertEquals("individuals", session.flowName());
        assertEquals(List.of(), session.interchangeable());
    }

    @Test
    void keepsTheInterchangeableTechnologies() {
        String id = sandbox().contentType(ContentType.JSON)
                .body("{\"api_key\": \"" + key("individuals") + "\", \"metadata\": {"
                        + "\"general\": {\"interchangeable_tech\": [\"ED\", \"DR\"]}}}")
                .post(CREATE)
                .then().statusCode(200).extract().path("session_id");

        assertEquals(List.of("ED", "DR"), sandbox.session(id).orElseThrow().interchangeable());
    }

    @Test
    void pathsWithoutTheTrailingSlashAreNotFound() {
        sandbox().contentType(ContentType.JSON).body("{\"api_key\": \"" + key("everyone") + "\"}")
                .post(CREATE.substring(0, CREATE.length() - 1))
                .then().statusCode(404).contentType(containsString("text/html"));
        sandbox().queryParam("session_id", "x").queryParam("flow_api_key", "y")
                .get(RESULT.substring(0, RESULT.length() - 1)).then().statusCode(404);
        sandbox().queryParam("session_id", "x").queryParam("flow_api_key", "y")
                .get(VIDEO.substring(0, VIDEO.length() - 1)).then().statusCode(404);
        assertEquals(0, sandbox.recordedRequests().stream().filter(r -> r.path().equals(CREATE)).count());
    }

    @Test
    void otherMethodsAreNotAllowed() {
        sandbox().get(CREATE)
                .then().statusCode(405).body(equalTo("{\"detail\":\"Method \\\"GET\\\" not allowed.\"}"));
    }
}
