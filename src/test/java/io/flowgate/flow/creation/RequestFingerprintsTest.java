package io.flowgate.flow.creation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A request's fingerprint across a rotation of the state secret: a repeat still finds its reservation. */
class RequestFingerprintsTest {

    private static final String OLD = "old-test-only-state-secret-0123456789abcdef";
    private static final String NEW = "new-test-only-state-secret-fedcba9876543210";
    private static final ValidSessionRequest REQUEST = new ValidSessionRequest("individuals", "not-a-real-key",
            Optional.of("order-77"), "ru", Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    private static final ValidSessionRequest OTHER = new ValidSessionRequest("individuals", "not-a-real-key",
            Optional.of("order-77"), "en", Optional.empty(), Optional.empty(), Optional.empty(), List.of());

    @Test
    void recognisesDuringARotationAFingerprintMadeWithTheOlderSecret() {
        String beforeRotation = new RequestFingerprints(List.of(OLD)).of(REQUEST);
        RequestFingerprints rotating = new RequestFingerprints(List.of(NEW, OLD));

        assertTrue(rotating.accepted(REQUEST).contains(beforeRotation));
        assertNotEquals(beforeRotation, rotating.of(REQUEST), "new fingerprints are made with the newer secret");
        assertEquals(new RequestFingerprints(List.of(NEW)).of(REQUEST), rotating.of(REQUEST));
    }

    @Test
    void neverTakesAnotherRequestForTheSameOne() {
        RequestFingerprints rotating = new RequestFingerprints(List.of(NEW, OLD));

        assertFalse(rotating.accepted(OTHER).contains(new RequestFingerprints(List.of(OLD)).of(REQUEST)));
        assertFalse(new RequestFingerprints(List.of(NEW)).accepted(REQUEST)
                .contains(new RequestFingerprints(List.of(OLD)).of(REQUEST)), "a retired secret's are not recognised");
    }
}
