package io.flowgate.sandbox;

import static io.flowgate.sandbox.SandboxHttp.RESULT;
import static io.flowgate.sandbox.SandboxHttp.createSession;
import static io.flowgate.sandbox.SandboxHttp.key;
import static io.flowgate.sandbox.SandboxHttp.sandbox;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SessionResultTest {

    @Inject
    Sandbox sandbox;

    private static JsonPath result(String session, String flow) {
        return sandbox().queryParam("session_id", session).queryParam("flow_api_key", key(flow))
                .get(RESULT).then().statusCode(200).contentType("application/json").extract().jsonPath();
    }

    @Test
    void aSessionInProgressHasNoResultsYet() {
        String session = createSession("individuals");
        sandbox().queryParam("session_id", session).queryParam("flow_api_key", key("individuals"))
                .get(RESULT).then().statusCode(200)
                .body(equalTo("{\"id\":\"" + session + "\",\"technologies\":["
                        + "{\"name\":\"Liveness\",\"description\":\"Determine the liveness of a person by face\"},"
                        + "{\"name\":\"E-Document\",\"description\":\"Confirm identity by IIN, phone and a one-time code from 1414\"},"
                        + "{\"name\":\"Face2Face\",\"description\":\"Determine the similarity of two faces by photo\"}]}"));
    }

    @Test
    void passedTechnologiesGivePositiveResults() {
        String session = createSession("individuals");
        sandbox.complete(session, Map.of());
        JsonPath result = result(session, "individuals");
        assertEquals(Map.of("is_live", true, "score", 0.98f), result.getMap("liveness_result"));
        assertEquals(Map.of("similarity", 0.93f, "is_same_person", true), result.getMap("face2face_result"));
        assertEquals(true, result.getBoolean("edocument_result.is_verified"));
        assertEquals("TESTNAME", result.getString("edocument_result.first_name"));
        assertEquals("+77000000000", result.getString("edocument_result.phone"));
        assertTrue(FakeIin.isValid(result.getString("edocument_result.iin")));
        assertNull(result.get("document_recognition_result"));
    }

    @Test
    void failedTechnologiesGiveNegativeResultsAndSkippedOnesNone() {
        String session = createSession("individuals");
        sandbox.complete(session, Map.of("LD", Outcome.FAIL, "ED", Outcome.SKIP, "F2F", Outcome.FAIL));
        JsonPath result = result(session, "individuals");
        assertEquals(Map.of("is_live", false, "score", 0.12f), result.getMap("liveness_result"));
        assertEquals(Map.of("similarity", 0.31f, "is_same_person", false), result.getMap("face2face_result"));
        assertNull(result.get("edocument_result"));
        assertEquals(List.of("Liveness", "E-Document", "Face2Face"), result.getList("technologies.name"));
    }

    @Test
    void aFailedEDocumentSaysSoWithoutNames() {
        String session = createSession("individuals");
        sandbox.complete(session, Map.of("ED", Outcome.FAIL));
        JsonPath result = result(session, "individuals");
        assertEquals(false, result.getBoolean("edocument_result.is_verified"));
        assertNull(result.get("edocument_result.first_name"));
    }

    @Test
    void documentRecognitionGivesAValidFakeIinAndTheBirthDateItEncodes() {
        String session = createSession("legal-entities");
        sandbox.complete(session, Map.of("LD", Outcome.SKIP, "F2F", Outcome.SKIP));
        JsonPath result = result(session, "legal-entities");
        Map<String, Object> document = result.getMap("document_recognition_result");
        String iin = (String) document.get("personal_number");
        assertTrue(FakeIin.isValid(iin), "valid IIN");
        assertEquals(FakeIin.birthDate(iin).orElseThrow(),
                LocalDate.parse((String) document.get("date_of_birth"), DateTimeFormatter.ofPattern("dd.MM.yyyy")));
        assertEquals("TESTNAME", document.get("first_name"));
        assertEquals("SANDBOXOV", document.get("last_name"));
        assertEquals("FAKEOVICH", document.get("patronymic"));
        assertEquals("SANDBOX MINISTRY", document.get("authority"));
        assertTrue(((String) document.get("document_number")).matches("N0000\\d{4}"));
        assertNull(result.get("liveness_result"));
        assertNull(result.get("face2face_result"));
        assertEquals(document, result(session, "legal-entities").getMap("document_recognition_result"), "stable");
    }

    @Test
    void aFailedDocumentRecognitionIsNotRecognized() {
        String session = createSession("legal-entities");
        sandbox.complete(session, Map.of("DR", Outcome.FAIL));
        assertEquals(Map.of("is_recognized", false, "error", "SANDBOX: the document could not be recognized"),
                result(session, "legal-entities").getMap("document_recognition_result"));
    }

    @Test
    void theHighPrecisionLivenessFillsTheLivenessResult() {
        String session = createSession("everyone");
        sandbox.complete(session, Map.of("F2F", Outcome.SKIP));
        JsonPath result = result(session, "everyone");
        assertEquals(Map.of("is_live", true, "score", 0.98f), result.getMap("liveness_result"));
        assertEquals("Liveness HP", result.getString("technologies[0].name"));
    }

    @Test
    void theEDocumentResultReusesThePrefilledIinAndPhone() {
        String iin = FakeIin.forSeed(7);
        String session = createSession("individuals", "\"metadata\": {\"edocument\": {"
                + "\"iin\": {\"value\": \"" + iin + "\", \"changeable\": false},"
                + "\"phone\": {\"value\": \"+77011234567\", \"changeable\": false}, \"skip_input\": true}}");
        sandbox.complete(session, Map.of());
        JsonPath result = result(session, "individuals");
        assertEquals(iin, result.getString("edocument_result.iin"));
        assertEquals("+77011234567", result.getString("edocument_result.phone"));
        assertEquals(FakeIin.birthDate(iin).orElseThrow().format(DateTimeFormatter.ofPattern("dd.MM.yyyy")),
                result.getString("edocument_result.date_of_birth"));
    }

    @Test
    void missingOrBlankParametersAreBadRequests() {
        sandbox().get(RESULT).then().statusCode(400).body(equalTo(
                "{\"session_id\":[\"This field is required.\"],\"flow_api_key\":[\"This field is required.\"]}"));
        sandbox().queryParam("session_id", "").queryParam("flow_api_key", key("everyone"))
                .get(RESULT).then().statusCode(400).body(equalTo("{\"session_id\":[\"This field may not be blank.\"]}"));
    }

    @Test
    void anUnknownSessionIsNotFound() {
        sandbox().queryParam("session_id", "3fa85f64-5717-4562-b3fc-2c963f66afa6")
                .queryParam("flow_api_key", key("everyone"))
                .get(RESULT).then().statusCode(404).body(equalTo("{\"detail\":\"Not found.\"}"));
        sandbox().queryParam("session_id", "not-a-uuid").queryParam("flow_api_key", key("everyone"))
                .get(RESULT).then().statusCode(404).body(equalTo("{\"detail\":\"Not found.\"}"));
    }

    @Test
    void onlyTheKeyTheSessionWasCreatedWithMayReadIt() {
        String session = createSession("individuals");
        for (String otherKey : new String[] {key("everyone"), "sandbox-nobody-000"}) {
            sandbox().queryParam("session_id", session).queryParam("flow_api_key", otherKey)
                    .get(RESULT).then().statusCode(403)
                    .body(equalTo("{\"detail\":\"You do not have permission to perform this action.\"}"))
                    .body("id", nullValue());
        }
    }

    @Test
    void aSubstituteGivesItsResultFieldWithTheOutcomeOfTheTechnologyItReplaced() {
        String session = createSession("legal-entities",
                "\"metadata\": {\"general\": {\"interchangeable_tech\": [\"DR\", \"ED\"]}}");
        sandbox.complete(session, Map.of("DR", Outcome.FAIL), Map.of("DR", "ED"));

        JsonPath result = result(session, "legal-entities");

        assertEquals(false, result.getBoolean("edocument_result.is_verified"));
        assertNull(result.get("document_recognition_result"));
        assertEquals(true, result.getBoolean("liveness_result.is_live"));
        assertEquals(List.of("Liveness", "Document Recognition", "Face2Face"), result.getList("technologies.name"));
    }

    @Test
    void refusesASubstituteThatIsNotAnotherMemberOfTheGroup() {
        String session = createSession("individuals",
                "\"metadata\": {\"general\": {\"interchangeable_tech\": [\"ED\", \"DR\"]}}");

        assertThrows(IllegalArgumentException.class, () -> sandbox.complete(session, Map.of(), Map.of("LD", "DR")));
        assertThrows(IllegalArgumentException.class, () -> sandbox.complete(session, Map.of(), Map.of("ED", "F2F")));
        assertThrows(IllegalArgumentException.class, () -> sandbox.complete(session, Map.of(), Map.of("ED", "ED")));
        assertFalse(sandbox.session(session).orElseThrow().completed());
    }
}
