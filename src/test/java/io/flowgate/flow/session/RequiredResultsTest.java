package io.flowgate.flow.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RequiredResultsTest {

    private static final String LIVENESS = "liveness_result";
    private static final String FACE = "face2face_result";
    private static final String EDOCUMENT = "edocument_result";
    private static final String DOCUMENT = "document_recognition_result";
    private static final List<String> INDIVIDUALS = List.of("LD", "ED", "F2F");
    private static final List<List<String>> ED_OR_DR = List.of(List.of("ED", "DR"));

    @Test
    void withoutGroupsEveryKnownTechnologyNeedsItsOwnResult() {
        assertTrue(RequiredResults.complete(INDIVIDUALS, List.of(), Set.of(LIVENESS, EDOCUMENT, FACE)));
        assertFalse(RequiredResults.complete(INDIVIDUALS, List.of(), Set.of(LIVENESS, DOCUMENT, FACE)));
        assertTrue(RequiredResults.complete(List.of("LD", "XYZ"), List.of(), Set.of(LIVENESS)));
    }

    @Test
    void aGroupIsCompletedByTheSubstituteEvenWhenItIsNotATechnologyOfTheSession() {
        assertTrue(RequiredResults.complete(INDIVIDUALS, ED_OR_DR, Set.of(LIVENESS, DOCUMENT, FACE)));
        assertTrue(RequiredResults.complete(INDIVIDUALS, ED_OR_DR, Set.of(LIVENESS, EDOCUMENT, FACE)));
    }

    @Test
    void aGroupWithNoResultOfAnyMemberHoldsTheSessionBack() {
        assertFalse(RequiredResults.complete(INDIVIDUALS, ED_OR_DR, Set.of(LIVENESS, FACE)));
    }

    @Test
    void technologiesOutsideEveryGroupStillNeedTheirOwnResult() {
        assertFalse(RequiredResults.complete(INDIVIDUALS, ED_OR_DR, Set.of(LIVENESS, DOCUMENT)));
        assertFalse(RequiredResults.complete(INDIVIDUALS, ED_OR_DR, Set.of(DOCUMENT, FACE)));
    }

    @Test
    void oneResultMeetsAGroupOfTwoTechnologiesOfTheSession() {
        assertTrue(RequiredResults.complete(INDIVIDUALS, List.of(List.of("LD", "ED")), Set.of(LIVENESS, FACE)));
        assertTrue(RequiredResults.complete(INDIVIDUALS, List.of(List.of("LD", "ED")), Set.of(EDOCUMENT, FACE)));
        assertFalse(RequiredResults.complete(INDIVIDUALS, List.of(List.of("LD", "ED")), Set.of(FACE)));
    }

    @Test
    void eachGroupNeedsItsOwnResult() {
        List<List<String>> groups = List.of(List.of("LD", "DR"), List.of("ED", "F2F"));

        assertTrue(RequiredResults.complete(INDIVIDUALS, groups, Set.of(DOCUMENT, EDOCUMENT)));
        assertFalse(RequiredResults.complete(INDIVIDUALS, groups, Set.of(DOCUMENT)));
    }

    @Test
    void aGroupWithoutATechnologyOfTheSessionNeedsNothing() {
        assertTrue(RequiredResults.complete(List.of("LD", "F2F"), ED_OR_DR, Set.of(LIVENESS, FACE)));
    }

    @Test
    void unknownCodesInAGroupNeitherHoldBackNorStandIn() {
        List<String> session = List.of("LD", "F2F");
        List<List<String>> groups = List.of(List.of("F2F", "XYZ"));

        assertFalse(RequiredResults.complete(session, groups, Set.of(LIVENESS)));
        assertTrue(RequiredResults.complete(session, groups, Set.of(LIVENESS, FACE)));
        assertTrue(RequiredResults.complete(List.of("LD", "XYZ"), List.of(List.of("XYZ", "ABC")), Set.of(LIVENESS)));
    }

    @Test
    void codesOfAGroupCompareWithoutRegardToCase() {
        assertTrue(RequiredResults.complete(INDIVIDUALS, List.of(List.of("ed", "dr")),
                Set.of(LIVENESS, DOCUMENT, FACE)));
    }

    @Test
    void aSessionThatNeedsNothingIsCompleteOnceAnythingCameIn() {
        assertFalse(RequiredResults.complete(List.of("XYZ"), List.of(), Set.of()));
        assertTrue(RequiredResults.complete(List.of("XYZ"), List.of(), Set.of(LIVENESS)));
    }

    @Test
    void namesEachReplacedTechnologyWithTheMemberWhoseResultCameInstead() {
        assertEquals(Map.of("ED", "DR"), RequiredResults.replacements(INDIVIDUALS, ED_OR_DR,
                Set.of(LIVENESS, DOCUMENT, FACE)));
        assertEquals(Set.of(EDOCUMENT), RequiredResults.replacedFields(INDIVIDUALS, ED_OR_DR,
                Set.of(LIVENESS, DOCUMENT, FACE)));
    }

    @Test
    void replacesNothingThatHasItsOwnResultOrWhoseGroupHasNone() {
        assertEquals(Map.of(), RequiredResults.replacements(INDIVIDUALS, ED_OR_DR, Set.of(LIVENESS, EDOCUMENT, FACE)));
        assertEquals(Map.of(), RequiredResults.replacements(INDIVIDUALS, ED_OR_DR, Set.of(LIVENESS, FACE)));
        assertEquals(Map.of(), RequiredResults.replacements(INDIVIDUALS, List.of(), Set.of(LIVENESS, DOCUMENT, FACE)));
        assertEquals(Set.of(), RequiredResults.replacedFields(INDIVIDUALS, ED_OR_DR, Set.of(LIVENESS, FACE)));
    }
}
