package io.flowgate.flow.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
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
}
