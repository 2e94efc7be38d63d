package io.flowgate.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowgate.testsupport.FakeIins;
import io.flowgate.testsupport.PersonalDigits;
import io.flowgate.testsupport.TestCallers;
import io.flowgate.testsupport.lambda.ApiGatewayEvents;
import io.flowgate.testsupport.lambda.LambdaStack;
import io.flowgate.testsupport.lambda.RuntimeApiEmulator.Invocation;
import io.flowgate.testsupport.lambda.StubVendor;
import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The packaged function writes its log as JSON, one object a line, as CloudWatch Logs takes it: each line with level,
 * timestamp, logger and message, and in {@code mdc} the invocation's Lambda request id, the request id its answer
 * carries ({@code X-Request-Id}: API Gateway's request id), the function, and the session, flow and caller once known,
 * nothing left from the invocation before; no field holds the person's IIN or phone that the requests carried.
 */
class JsonLogsIT {

    private static final Path TARGET = Path.of(System.getProperty("flowgate.target", "target"));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IIN = FakeIins.valid(9191);
    private static final String BAD_IIN = FakeIins.withWrongCheckDigit(9191);
    private static final String PHONE_DIGITS = "7010009191";

    @Test
    void writesEveryLineAsJsonWithTheInvocationsContextAndNoPersonalData() throws Exception {
        StubVendor vendor = new StubVendor();
        LambdaStack lambda = LambdaStack.startPackaged(TARGET, url -> configuration(url, vendor),
                TARGET.resolve("json-logs-it"));
        List<JsonNode> lines;
        Invocation created;
        Invocation refused;
        Invocation direct;
        String sessionId;
        try {
            created = lambda.runtimeApi().enqueue(createSession(prefilled(IIN)));
            ApiGatewayEvents.Answer createdAnswer = answer(created);
            assertEquals(200, createdAnswer.status(), createdAnswer.text());
            sessionId = createdAnswer.json().path("sessionId").asText();
            assertEquals(apiGatewayRequestId(created), createdAnswer.header("X-Request-Id"));

            refused = lambda.runtimeApi().enqueue(createSession(prefilled(BAD_IIN)));
            ApiGatewayEvents.Answer problem = answer(refused);
            assertEquals(400, problem.status(), problem.text());
            assertEquals(apiGatewayRequestId(refused), problem.header("X-Request-Id"));
            assertEquals(apiGatewayRequestId(refused), problem.json().path("requestId").asText());

            direct = lambda.runtimeApi().enqueue("{\"flow\":\"individuals\"," + prefill(IIN) + "}");
            assertTrue(JSON.readTree(direct.answer().get(30, TimeUnit.SECONDS)).path("sessionId").isTextual());
            lines = jsonLines(lambda.output());
        } finally {
            PackagedSetup.closeAll(lambda, vendor);
        }

        JsonNode sessionCreated = only(lines, created, "session.created");
        assertEquals(apiGatewayRequestId(created), sessionCreated.path("mdc").path("requestId").asText());
        assertEquals(sessionId, sessionCreated.path("mdc").path("sessionId").asText());
        assertEquals("individuals", sessionCreated.path("mdc").path("flow").asText());
        assertEquals("tests", sessionCreated.path("mdc").path("caller").asText());
        assertEquals("createSession", sessionCreated.path("mdc").path("function").asText());
        assertEquals("INFO", sessionCreated.path("level").asText());
        assertEquals("io.flowgate.flow.creation.SessionCreation", sessionCreated.path("logger").asText());
        assertTrue(sessionCreated.path("message").asText().startsWith("session.created sessionId=" + sessionId + " "));

        JsonNode rejected = only(lines, refused, "request.rejected status=400");
        assertEquals(apiGatewayRequestId(refused), rejected.path("mdc").path("requestId").asText());
        assertFalse(rejected.path("mdc").has("sessionId"), "nothing left of the invocation before: " + rejected);

        JsonNode directCreated = only(lines, direct, "session.created");
        assertEquals("lambda-invoke", directCreated.path("mdc").path("caller").asText());

        assertNoPersonalData(lines);
    }

    private static Map<String, String> configuration(String publicUrl, StubVendor vendor) {
        Map<String, String> properties = PackagedSetup.configuration("json-logs-it", publicUrl, vendor);
        properties.put("flowgate.function", "createSession");
        properties.put("flowgate.invoke.flows", "individuals");
        return properties;
    }

    private static String prefill(String iin) {
        return "\"prefill\":{\"iin\":{\"value\":\"" + iin + "\",\"changeable\":false},"
                + "\"phone\":{\"value\":\"+7 " + PHONE_DIGITS + "\",\"changeable\":false}}";
    }

    private static String prefilled(String iin) {
        return "{\"flow\":\"individuals\"," + prefill(iin) + "}";
    }

    private static String createSession(String body) {
        return ApiGatewayEvents.jsonRequest("/createSession", body,
                Map.of("authorization", List.of(TestCallers.bearer(TestCallers.TOKEN))));
    }

    private static ApiGatewayEvents.Answer answer(Invocation invocation) throws Exception {
        return ApiGatewayEvents.answer(invocation.answer().get(30, TimeUnit.SECONDS));
    }

    private static String apiGatewayRequestId(Invocation invocation) throws IOException {
        return JSON.readTree(invocation.event()).path("requestContext").path("requestId").asText();
    }

    /**
     * Every line of the output, each of which must be one JSON object: a log line with the four fields every log line
     * has, or a metric line (Embedded Metric Format, with its {@code _aws} metadata).
     */
    private static List<JsonNode> jsonLines(String output) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : output.split("\n")) {
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (IOException e) {
                throw new AssertionError("not a JSON line: " + line, e);
            }
            if (node == null || !node.isObject()) {
                fail("not a JSON object: " + line);
            }
            if (node.has("_aws")) {
                lines.add(node); // a metric line (docs/operations.md#metrics), scanned for personal data too
                continue;
            }
            for (String field : List.of("level", "timestamp", "logger", "message")) {
                assertTrue(node.path(field).isTextual(), field + " in " + line);
            }
            lines.add(node);
        }
        assertTrue(lines.size() > 3, output);
        return lines;
    }

    /** The one line with {@code message} that {@code invocation} wrote (by its Lambda request id). */
    private static JsonNode only(List<JsonNode> lines, Invocation invocation, String message) {
        List<JsonNode> found = lines.stream()
                .filter(line -> invocation.id().equals(line.path("mdc").path("lambdaRequestId").asText()))
                .filter(line -> line.path("message").asText().startsWith(message)).toList();
        assertEquals(1, found.size(), message + " of " + invocation.id() + " in " + lines);
        return found.get(0);
    }

    /**
     * Every field's name and value, at any depth, free of the IIN and the phone and of any run of their digits; the
     * timestamp, the formatter's own (its fraction of a second is random digits), and a metric line's, only checked to
     * be one.
     */
    private static void assertNoPersonalData(List<JsonNode> lines) {
        List<String> fields = new ArrayList<>();
        for (JsonNode line : lines) {
            ObjectNode scanned = line.deepCopy();
            if (line.has("_aws")) {
                assertTrue(line.path("_aws").path("Timestamp").isIntegralNumber(), line.toString());
                ((ObjectNode) scanned.path("_aws")).remove("Timestamp");
            } else {
                OffsetDateTime.parse(line.path("timestamp").asText());
                scanned.remove("timestamp");
            }
            collect(scanned, fields);
        }
        String all = String.join("\n", fields);
        for (String number : List.of(IIN, BAD_IIN, PHONE_DIGITS)) {
            assertFalse(all.contains(number), "a personal number in the log");
            PersonalDigits.assertNoRunOf(all, number, "the log's fields");
        }
    }

    private static void collect(JsonNode node, List<String> fields) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                fields.add(field.getKey());
                collect(field.getValue(), fields);
            });
        } else if (node.isArray()) {
            node.forEach(item -> collect(item, fields));
        } else {
            fields.add(node.asText());
        }
    }
}
