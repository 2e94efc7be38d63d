package io.flowgate.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowgate.journey.Journeys;
import io.flowgate.sandbox.Sandbox;
import io.flowgate.store.InMemorySessionStore;
import io.flowgate.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The README's "Try it with curl", run as written: its curl commands, taken from the README's code blocks, run
 * with the real {@code curl} against flowgate in test mode (through the Lambda mock event server), with only the
 * base URL {@code http://localhost:8080} replaced; the test plays the browser's part at the sandbox's hosted flow
 * and on the callback in between. The answers must look like the JSON the README shows. The profile accepts the
 * README's sample token, {@code flowgate-dev-token}, as dev mode does.
 */
@QuarkusTest
@TestProfile(ReadmeQuickStartTest.DevModeToken.class)
class ReadmeQuickStartTest {

    static final Path README = Path.of("README.md");
    static final String README_BASE_URL = "http://localhost:8080";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RETURN_URL = Pattern.compile("\"returnUrl\":\\s*\"([^\"]+)\"");

    /** The sample token of dev mode, for one more caller of every flow. */
    public static class DevModeToken implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("flowgate.auth.tokens.readme.sha256", Tokens.sha256("flowgate-dev-token"),
                    "flowgate.auth.tokens.readme.flows", "*");
        }
    }

    @Inject
    Sandbox sandbox;

    @Inject
    InMemorySessionStore store;

    @BeforeEach
    void reset() {
        sandbox.reset();
        store.clear();
    }

    @Test
    void theQuickStartRunsAsWrittenAndAnswersAsShown() throws Exception {
        String readme = Files.readString(README);
        String create = ReadmeBlocks.after(readme, "<!-- try: curl createSession");

        JsonNode created = curl(create);

        assertLooksLike(shownAnswer(readme, "<!-- try: answer of createSession"), created);
        String sessionId = created.path("sessionId").asText();
        URI callback = Journeys.passFlow(created.path("verificationUrl").asText(), passEvery(created));
        Response back = Journeys.arriveAtCallback(callback);
        back.then().statusCode(303);
        String shownAddress = returnUrlOf(create) + "?session_id=…&status=completed";
        assertTrue(readme.contains("`" + shownAddress + "`"), "the README shows where the browser ends up");
        assertEquals(shownAddress.replace("…", sessionId), back.header("Location"));

        JsonNode result = curl(ReadmeBlocks.after(readme, "<!-- try: curl getResult"));

        assertLooksLike(shownAnswer(readme, "<!-- try: answer of getResult"), result);
        assertEquals(sessionId, result.path("sessionId").asText());
        assertEquals("COMPLETED", result.path("status").asText());
        assertEquals("approved", result.path("decision").path("outcome").asText());
        assertEquals(List.of("LD:true", "ED:true", "F2F:true"), received(result));
    }

    /** Runs a README shell block, which must be one curl command, against this test's flowgate; its JSON answer. */
    private static JsonNode curl(String block) throws IOException, InterruptedException {
        assertTrue(block.startsWith("curl ") && block.contains(README_BASE_URL), block);
        String command = block.replace(README_BASE_URL, RestAssured.baseURI + ":" + RestAssured.port);
        Process curl = new ProcessBuilder("bash", "-c", command).redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String answer = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(curl.waitFor(30, TimeUnit.SECONDS), "curl did not finish: " + command);
        assertEquals(0, curl.exitValue(), "curl failed: " + command);
        return JSON.readTree(answer);
    }

    /** The JSON the README shows after a marker; "…" stands for values that differ from run to run. */
    private static JsonNode shownAnswer(String readme, String marker) throws IOException {
        return JSON.readTree(ReadmeBlocks.after(readme, marker));
    }

    /**
     * The same top-level keys; an instant where the README shows one (its own example time); and the same value
     * wherever the README shows a whole value (no "…" in it).
     */
    private static void assertLooksLike(JsonNode shown, JsonNode actual) {
        assertEquals(keys(shown), keys(actual), "the README shows " + shown + "; flowgate answered " + actual);
        Map<String, JsonNode> whole = new LinkedHashMap<>();
        shown.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            if (value.isTextual() && isInstant(value.asText())) {
                assertTrue(isInstant(actual.path(field.getKey()).asText()), field.getKey() + " in " + actual);
            } else if (!value.toString().contains("…")) {
                whole.put(field.getKey(), value);
            }
        });
        assertTrue(whole.containsKey("technologies"), "the README shows the technologies in full: " + shown);
        whole.forEach((key, value) -> assertEquals(value, actual.get(key), key + " in " + actual));
    }

    private static boolean isInstant(String text) {
        try {
            Instant.parse(text);
            return true;
        } catch (DateTimeParseException notAnInstant) {
            return false;
        }
    }

    private static Set<String> keys(JsonNode node) {
        Set<String> keys = new TreeSet<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** "pass" for each technology of the session, as the person would choose on the hosted-flow page. */
    private static Map<String, String> passEvery(JsonNode created) {
        Map<String, String> choices = new LinkedHashMap<>();
        created.path("technologies").forEach(code -> choices.put(code.asText(), "pass"));
        return choices;
    }

    private static String returnUrlOf(String command) {
        Matcher url = RETURN_URL.matcher(command);
        assertTrue(url.find(), "the README's createSession names a returnUrl: " + command);
        return url.group(1);
    }

    /** Each technology of a result as {@code code:resultReceived}. */
    private static List<String> received(JsonNode result) {
        List<String> received = new ArrayList<>();
        result.path("technologies").forEach(t -> received.add(t.path("code").asText() + ":" + t.path("resultReceived")));
        return received;
    }
}
