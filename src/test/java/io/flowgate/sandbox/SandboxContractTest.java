package io.flowgate.sandbox;

import static io.flowgate.sandbox.SandboxHttp.CREATE;
import static io.flowgate.sandbox.SandboxHttp.RESULT;
import static io.flowgate.sandbox.SandboxHttp.VIDEO;
import static io.flowgate.sandbox.SandboxHttp.createSession;
import static io.flowgate.sandbox.SandboxHttp.key;
import static io.flowgate.sandbox.SandboxHttp.sandbox;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint of the sandbox, answering well and badly, checked against
 * {@code src/main/openapi/flow-remote.yaml}, the document flowgate's client is generated from. The
 * filter fails a test on any request or response the document does not allow; requests made wrong on
 * purpose go through a filter that checks only the response.
 */
@QuarkusTest
class SandboxContractTest {

    private static final String SPEC = Path.of("src/main/openapi/flow-remote.yaml").toAbsolutePath().toUri().toString();

    private static final OpenApiValidationFilter STRICT = new OpenApiValidationFilter(
            OpenApiInteractionValidator.createForSpecificationUrl(SPEC).build());

    private static final OpenApiValidationFilter RESPONSES_ONLY = new OpenApiValidationFilter(
            OpenApiInteractionValidator.createForSpecificationUrl(SPEC)
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.request", ValidationReport.Level.IGNORE)
                            .build())
                    .build());

    @Inject
    Sandbox sandbox;

    private static RequestSpecification strict() {
        return sandbox().filter(STRICT);
    }

    private static RequestSpecification badRequest() {
        return sandbox().filter(RESPONSES_ONLY);
    }

    @Test
    void createSessionAnswersAsDocumented() {
        strict().contentType(ContentType.JSON).body("{\"api_key\": \"" + key("everyone") + "\"}")
                .post(CREATE).then().statusCode(200);
        strict().contentType(ContentType.JSON)
                .body("{\"api_key\": \"" + key("individuals") + "\", \"metadata\": {"
                        + "\"face2face\": {\"photo1\": \"aGVsbG8=\"},"
                        + "\"edocument\": {\"iin\": {\"value\": \"900101300017\", \"changeable\": false},"
                        + " \"phone\": {\"value\": \"+77010000000\", \"changeable\": false}, \"skip_input\": true},"
                        + "\"general\": {\"interchangeable_tech\": [\"LD\", \"F2F\"]}}}")
                .post(CREATE).then().statusCode(200);
    }

    @Test
    void createSessionRejectionsAreDocumented() {
        strict().contentType(ContentType.JSON).body("{\"api_key\": \"not-a-key\"}")
                .post(CREATE).then().statusCode(401);
        badRequest().contentType(ContentType.JSON).body("{\"api_key\": ")
                .post(CREATE).then().statusCode(400);
        badRequest().contentType(ContentType.JSON)
                .body("{\"api_key\": \"" + key("everyone") + "\", \"metadata\": {\"edocument\": {\"skip_input\": \"yes\"}}}")
                .post(CREATE).then().statusCode(400);
        badRequest().contentType(ContentType.TEXT).body("api_key=x")
                .post(CREATE).then().statusCode(415);
        sandbox.injectNext(Endpoint.CREATE, 1, Fault.status(429));
        strict().contentType(ContentType.JSON).body("{\"api_key\": \"" + key("everyone") + "\"}")
                .post(CREATE).then().statusCode(429);
    }

    @Test
    void resultAnswersAsDocumented() {
        String inProgress = createSession("individuals");
        strict().queryParams(Map.of("session_id", inProgress, "flow_api_key", key("individuals")))
                .get(RESULT).then().statusCode(200);

        for (String flow : new String[] {"individuals", "everyone", "legal-entities"}) {
            String done = createSession(flow);
            sandbox.complete(done, Map.of());
            strict().queryParams(Map.of("session_id", done, "flow_api_key", key(flow)))
                    .get(RESULT).then().statusCode(200);
        }
    }

    @Test
    void resultRejectionsAreDocumented() {
        String session = createSession("individuals");
        badRequest().queryParam("session_id", session).get(RESULT).then().statusCode(400);
        strict().queryParams(Map.of("session_id", session, "flow_api_key", key("everyone")))
                .get(RESULT).then().statusCode(403);
        strict().queryParams(Map.of("session_id", "3fa85f64-5717-4562-b3fc-2c963f66afa6", "flow_api_key", key("everyone")))
                .get(RESULT).then().statusCode(404);
    }

    @Test
    void videoAnswersAsDocumented() {
        String session = createSession("everyone");
        sandbox.complete(session, Map.of());
        strict().queryParams(Map.of("session_id", session, "flow_api_key", key("everyone")))
                .get(VIDEO).then().statusCode(200).contentType("video/mp4");
    }

    @Test
    void videoRejectionsAreDocumented() {
        String session = createSession("everyone");
        strict().queryParams(Map.of("session_id", session, "flow_api_key", key("everyone")))
                .get(VIDEO).then().statusCode(404);
        badRequest().queryParam("flow_api_key", key("everyone")).get(VIDEO).then().statusCode(400);
        strict().queryParams(Map.of("session_id", session, "flow_api_key", key("individuals")))
                .get(VIDEO).then().statusCode(403);
        strict().queryParams(Map.of("session_id", "3fa85f64-5717-4562-b3fc-2c963f66afa6", "flow_api_key", key("everyone")))
                .get(VIDEO).then().statusCode(404);
    }

    @Test
    void theFilterFailsOnAnAnswerTheDocumentDoesNotAllow() {
        sandbox.injectNext(Endpoint.CREATE, 1, Fault.status(503));
        assertThrows(OpenApiValidationFilter.OpenApiValidationException.class, () -> strict()
                .contentType(ContentType.JSON).body("{\"api_key\": \"" + key("everyone") + "\"}").post(CREATE));
    }
}
