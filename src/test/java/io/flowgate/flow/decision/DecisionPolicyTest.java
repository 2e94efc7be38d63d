package io.flowgate.flow.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DecisionPolicyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode results(String json) throws Exception {
        return JSON.readTree(json);
    }

    @ParameterizedTest(name = "{0} on {1} is {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "/face2face_result/similarity >= 0.8 | {\"face2face_result\":{\"similarity\":0.93}} | true",
            "/face2face_result/similarity >= 0.8 | {\"face2face_result\":{\"similarity\":0.8}} | true",
            "/face2face_result/similarity > 0.8 | {\"face2face_result\":{\"similarity\":0.8}} | false",
            "/face2face_result/similarity < 0.5 | {\"face2face_result\":{\"similarity\":\"0.3\"}} | false",
            "/face2face_result/similarity <= 0.5 | {} | false",
            "/liveness_result/is_live == true | {\"liveness_result\":{\"is_live\":true}} | true",
            "/liveness_result/is_live == true | {\"liveness_result\":{\"is_live\":\"true\"}} | false",
            "/liveness_result/score == 1 | {\"liveness_result\":{\"score\":1.0}} | true",
            "/liveness_result/is_live != false | {} | true",
            "/edocument_result/status == \"OK\" | {\"edocument_result\":{\"status\":\"OK\"}} | true",
            "/document_recognition_result/document_number exists | {\"document_recognition_result\":{\"document_number\":\"N1\"}} | true",
            "/document_recognition_result/document_number exists | {\"document_recognition_result\":{\"document_number\":null}} | false",
            "/document_recognition_result absent | {} | true",
            "/checks/0/ok == true | {\"checks\":[{\"ok\":true}]} | true"})
    void evaluatesEachOperator(String rule, String results, boolean holds) throws Exception {
        assertEquals(holds, DecisionRule.parse(rule).holds(results(results)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "similarity >= 0.8 | is not '<json-pointer> <operator> <value>'",
            "/a/b => 1 | is not '<json-pointer> <operator> <value>'",
            "/a/b >= | '>=' needs a JSON value",
            "/a/b exists true | 'exists' takes no value",
            "/a/b == OK | the value is not a JSON literal"})
    void refusesAMalformedRuleSayingWhy(String rule, String reason) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DecisionRule.parse(rule));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void declinesWhenAnyDeclineRuleHoldsEvenIfApproveRulesHoldToo() throws Exception {
        DecisionPolicy policy = DecisionPolicy.parse(List.of("/liveness_result/score >= 0.5"),
                List.of("/liveness_result/is_live == false", "/face2face_result/similarity < 0.5"));

        Decision decision = policy.decide(results("{\"liveness_result\":{\"is_live\":false,\"score\":0.9}}"));

        assertEquals(new Decision("declined", List.of("/liveness_result/is_live == false")), decision);
    }

    @Test
    void approvesOnlyWhenEveryApproveRuleHolds() throws Exception {
        DecisionPolicy policy = DecisionPolicy.parse(
                List.of("/liveness_result/is_live == true", "/face2face_result/similarity >= 0.8"), List.of());

        assertEquals(new Decision("approved", List.of("/liveness_result/is_live == true",
                "/face2face_result/similarity >= 0.8")), policy.decide(results(
                        "{\"liveness_result\":{\"is_live\":true},\"face2face_result\":{\"similarity\":0.81}}")));
        assertEquals(new Decision("review", List.of("not met: /face2face_result/similarity >= 0.8")),
                policy.decide(results("{\"liveness_result\":{\"is_live\":true},\"face2face_result\":{\"similarity\":0.7}}")));
    }

    @Test
    void reviewsEverythingWithoutRules() throws Exception {
        Decision decision = DecisionPolicy.parse(List.of(), List.of()).decide(results("{\"liveness_result\":{}}"));

        assertEquals("review", decision.outcome());
        assertEquals(List.of("no approve rules configured"), decision.reasons());
        assertFalse(decision.reasons().isEmpty());
    }

    @ParameterizedTest(name = "{0} on {1} is {2}")
    @CsvSource(delimiter = ';', quoteCharacter = '`', value = {
            "/edocument_result/is_verified == true || /document_recognition_result/is_recognized == true; "
                    + "{\"document_recognition_result\":{\"is_recognized\":true}}; true",
            "/edocument_result/is_verified == true || /document_recognition_result/is_recognized == true; "
                    + "{\"edocument_result\":{\"is_verified\":true}}; true",
            "/edocument_result/is_verified == true || /document_recognition_result/is_recognized == true; "
                    + "{\"document_recognition_result\":{\"is_recognized\":false}}; false",
            "/edocument_result/status == \"A || B\"; {\"edocument_result\":{\"status\":\"A || B\"}}; true",
            "/edocument_result/status == \"A \\\" || B\" || /liveness_result exists; "
                    + "{\"edocument_result\":{\"status\":\"A \\\" || B\"}}; true"})
    void holdsWhenAnyAlternativeHolds(String rule, String results, boolean holds) throws Exception {
        assertEquals(holds, DecisionRule.parse(rule).holds(results(results)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', quoteCharacter = '`', value = {
            "/a exists || ; decision rule '' is not '<json-pointer> <operator> <value>'",
            "/a exists || b == 1; decision rule 'b == 1' is not '<json-pointer> <operator> <value>'",
            "/a exists || /b == OK; decision rule '/b == OK': the value is not a JSON literal"})
    void refusesAMalformedAlternativeNamingIt(String rule, String reason) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DecisionRule.parse(rule));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void neverDeclinesOverAResultThatASubstituteReplaced() throws Exception {
        DecisionPolicy policy = DecisionPolicy.parse(List.of("/liveness_result/is_live == true"),
                List.of("/edocument_result/is_verified != true", "/edocument_result absent"));
        JsonNode tookDocumentRecognition = results(
                "{\"liveness_result\":{\"is_live\":true},\"document_recognition_result\":{\"is_recognized\":true}}");

        assertEquals(new Decision("approved", List.of("/liveness_result/is_live == true")),
                policy.decide(tookDocumentRecognition, Set.of("edocument_result")));
        assertEquals(new Decision("declined", List.of("/edocument_result/is_verified != true",
                "/edocument_result absent")), policy.decide(tookDocumentRecognition));
    }

    @Test
    void reviewsAnApproveRuleOverAReplacedResultSayingSo() throws Exception {
        DecisionPolicy policy = DecisionPolicy.parse(
                List.of("/liveness_result/is_live == true", "/edocument_result/is_verified == true"), List.of());

        Decision decision = policy.decide(results("{\"liveness_result\":{\"is_live\":true},"
                + "\"document_recognition_result\":{\"is_recognized\":true}}"), Set.of("edocument_result"));

        assertEquals(new Decision("review", List.of("not met: /edocument_result/is_verified == true"
                + " (its result was replaced by a substitute's)")), decision);
    }

    @Test
    void approvesThroughTheAlternativeThatWasTaken() throws Exception {
        DecisionPolicy policy = DecisionPolicy.parse(List.of("/liveness_result/is_live == true",
                "/edocument_result/is_verified == true || /document_recognition_result/is_recognized == true"),
                List.of("/edocument_result/is_verified == false || /document_recognition_result/is_recognized == false"));
        String approveRule = "/edocument_result/is_verified == true || /document_recognition_result/is_recognized == true";

        assertEquals(new Decision("approved", List.of("/liveness_result/is_live == true", approveRule)),
                policy.decide(results("{\"liveness_result\":{\"is_live\":true},"
                        + "\"document_recognition_result\":{\"is_recognized\":true}}"), Set.of("edocument_result")));
        assertEquals(new Decision("declined", List.of("/edocument_result/is_verified == false"
                + " || /document_recognition_result/is_recognized == false")),
                policy.decide(results("{\"liveness_result\":{\"is_live\":true},"
                        + "\"document_recognition_result\":{\"is_recognized\":false}}"), Set.of("edocument_result")));
    }

    @Test
    void leavesOutOnlyAlternativesOverAResultThatIsReplacedAndAbsent() throws Exception {
        DecisionRule rule = DecisionRule.parse("/edocument_result absent || /liveness_result/is_live == false");
        JsonNode live = results("{\"liveness_result\":{\"is_live\":true}}");

        assertEquals(DecisionRule.Verdict.FAILS, rule.verdict(live, Set.of("edocument_result")));
        assertEquals(DecisionRule.Verdict.HOLDS, rule.verdict(live, Set.of()));
        assertEquals(DecisionRule.Verdict.NOT_APPLICABLE,
                DecisionRule.parse("/edocument_result absent").verdict(live, Set.of("edocument_result")));
        assertEquals(DecisionRule.Verdict.HOLDS, DecisionRule.parse("/edocument_result/is_verified == true")
                .verdict(results("{\"edocument_result\":{\"is_verified\":true}}"), Set.of("edocument_result")));
    }
}
