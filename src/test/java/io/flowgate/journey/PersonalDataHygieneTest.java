package io.flowgate.journey;

import static io.flowgate.journey.Journeys.arriveAtCallback;
import static io.flowgate.journey.Journeys.collectResult;
import static io.flowgate.journey.Journeys.createSession;
import static io.flowgate.journey.Journeys.getResult;
import static io.flowgate.journey.Journeys.passFlow;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowgate.flow.creation.LogMask;
import io.flowgate.flow.request.Iin;
import io.flowgate.flow.request.PhoneNumber;
import io.flowgate.sandbox.Endpoint;
import io.flowgate.sandbox.Fault;
import io.flowgate.sandbox.Sandbox;
import io.flowgate.store.InMemorySessionStore;
import io.flowgate.testsupport.FakeIins;
import io.flowgate.testsupport.LogCapture;
import io.flowgate.testsupport.MutableClock;
import io.flowgate.testsupport.PersonalDigits;
import io.flowgate.testsupport.TestCallers;
import io.flowgate.testsupport.TestImages;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Runs every function down its good and bad paths with a person's data in play (prefilled IIN, phone and
 * photo; the vendor's results with names and document numbers), then scans everything logged, and every
 * answer that is not the result itself, for that data, the flows' API keys, the state secret and the token.
 * The masking policy: an IIN, a phone and a reference are logged as a keyed hash ({@code iin#3fa2…}, see
 * {@link LogMask}), so that no run of {@value PersonalDigits#RUN} digits of the IIN or the phone reaches a log line;
 * photos, names and document data are never logged.
 */
@QuarkusTest
class PersonalDataHygieneTest {

    private static final String IIN = FakeIins.valid(4242);
    private static final String PHONE_DIGITS = "7010004242";
    private static final String PHOTO = TestImages.jpegBase64();
    private static final String REFERENCE = "order-hygiene-4242";
    private static final List<String> NAMES = List.of("TESTNAME", "SANDBOXOV", "FAKEOVICH");

    @Inject
    Sandbox sandbox;

    @Inject
    InMemorySessionStore store;

    @Inject
    MutableClock clock;

    @Inject
    LogMask mask;

    @ConfigProperty(name = "flowgate.state-secret")
    String stateSecret;

    @ConfigProperty(name = "flowgate.flows.individuals.api-key")
    String individualsKey;

    @ConfigProperty(name = "flowgate.flows.legal-entities.api-key")
    String legalEntitiesKey;

    @Test
    void keepsPersonalDataAndSecretsOutOfEveryLogLineAndEveryAnswerButTheResult() {
        List<String> answers = new ArrayList<>();
        List<String> results = new ArrayList<>();
        String documentNumber;
        try (LogCapture logs = LogCapture.install()) {
            Response individuals = createSession("{\"flow\":\"individuals\",\"reference\":\"" + REFERENCE + "\","
                    + "\"prefill\":{\"iin\":{\"value\":\"" + IIN + "\",\"changeable\":false},"
                    + "\"phone\":{\"value\":\"+7" + PHONE_DIGITS + "\",\"changeable\":false},"
                    + "\"skipInput\":true,\"photo\":\"" + PHOTO + "\"}}");
            answers.add(individuals.asString());
            String individualsId = individuals.path("sessionId");
            answers.add(arriveAtCallback(passFlow(individuals.path("verificationUrl"),
                    Map.of("LD", "pass", "ED", "pass", "F2F", "pass"))).asString());
            results.add(getResult("{\"sessionId\":\"" + individualsId + "\",\"includeRaw\":true}").asString());
            results.add(collectResult(individualsId).asString());

            Response legal = createSession("{\"flow\":\"legal-entities\",\"reference\":\"legal-4242\"}");
            URI legalCallback = passFlow(legal.path("verificationUrl"), Map.of("LD", "pass", "DR", "pass", "F2F", "fail"));
            sandbox.injectNext(Endpoint.RESULT, 3, Fault.status(500, "person " + IIN + " SANDBOXOV"));
            answers.add(arriveAtCallback(legalCallback).asString());
            Response legalResult = getResult("{\"reference\":\"legal-4242\",\"includeRaw\":true}");
            results.add(legalResult.asString());
            answers.add(arriveAtCallback(legalCallback).asString());
            Response collected = collectResult(legal.path("sessionId"));
            results.add(collected.asString());
            documentNumber = collected.path("document.documentNumber");

            answers.add(getResult("{\"reference\":\"" + IIN + "\"}").asString());
            answers.add(getResult("{\"sessionId\":\"" + IIN + "\"}").asString());
            answers.add(given().header("Authorization", "Bearer " + IIN).contentType(ContentType.JSON)
                    .body("{\"reference\":\"" + REFERENCE + "\"}").when().post("/getResult").asString());
            answers.add(given().header("Authorization", TestCallers.bearer(TestCallers.LEGAL_ENTITIES_ONLY_TOKEN))
                    .contentType(ContentType.JSON).body("{\"reference\":\"" + REFERENCE + "\",\"includeRaw\":true}")
                    .when().post("/getResult").asString());
            answers.add(given().redirects().follow(false).when().get("/callback?state=v1." + IIN).asString());
            Response stale = createSession("{\"flow\":\"everyone\",\"reference\":\"stale-4242\"}");
            clock.advance(Duration.ofMinutes(20));
            answers.add(given().contentType(ContentType.JSON).body("{}").when().post("/sweep").asString());
            answers.add(arriveAtCallback(URI.create(Journeys.query(URI.create(stale.path("verificationUrl"))
                    .getRawQuery()).get("redirect"))).asString());

            String logged = logs.text();
            assertTrue(logged.contains("session.created"), "the capture sees the application's logs");
            assertTrue(logged.contains("iin=" + mask.iin(Iin.parse(IIN, "iin"))),
                    "an operator can correlate by the masked IIN");
            assertTrue(logged.contains("phone=" + mask.phone(PhoneNumber.parse("+7" + PHONE_DIGITS, "phone"))),
                    "an operator can correlate by the masked phone");
            assertTrue(logged.contains("reference=" + mask.reference(Optional.of(REFERENCE))),
                    "an operator can correlate by the masked reference");
            assertFree(logged, "the logs", documentNumber);
            PersonalDigits.assertNoRunOf(logged, IIN, "the logs");
            PersonalDigits.assertNoRunOf(logged, PHONE_DIGITS, "the logs");
        }
        assertFree(String.join("\n", answers), "the answers", documentNumber);
        String resultsText = String.join("\n", results);
        assertTrue(resultsText.contains("SANDBOXOV") && resultsText.contains(IIN),
                "the result itself carries the person's data to the caller allowed the flow");
    }

    private void assertFree(String text, String where, String documentNumber) {
        assertFalse(text.contains(IIN), "the IIN in " + where);
        assertFalse(text.contains(PHONE_DIGITS), "the phone in " + where);
        assertFalse(text.contains(PHOTO.substring(0, 40)), "the photo in " + where);
        for (String name : NAMES) {
            assertFalse(text.contains(name), "a name in " + where);
        }
        assertTrue(documentNumber != null && documentNumber.length() >= 6, "the document number was read");
        assertFalse(text.contains(documentNumber), "the document number in " + where);
        assertFalse(text.contains(individualsKey), "an API key in " + where);
        assertFalse(text.contains(legalEntitiesKey), "an API key in " + where);
        assertFalse(text.contains(stateSecret), "the state secret in " + where);
        assertFalse(text.contains(TestCallers.TOKEN), "the caller's token in " + where);
        assertFalse(text.contains(REFERENCE), "the unmasked reference in " + where);
    }
}
