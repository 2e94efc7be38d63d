package io.flowgate.flow.creation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowgate.flow.signing.HmacKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;
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
    void tellsRequestsWithOtherMetadataApartAndKeepsTheFingerprintOfARequestWithoutAsItWas() {
        RequestFingerprints fingerprints = new RequestFingerprints(List.of(OLD));
        ValidSessionRequest tagged = withMetadata(Map.of("orderId", "A-1"));

        assertNotEquals(fingerprints.of(REQUEST), fingerprints.of(tagged));
        assertNotEquals(fingerprints.of(tagged), fingerprints.of(withMetadata(Map.of("orderId", "A-2"))));
        assertNotEquals(fingerprints.of(tagged), fingerprints.of(withMetadata(Map.of("orderId", "A-1", "x", "y"))));
        assertEquals(fingerprints.of(withMetadata(Map.of("a", "1", "b", "2"))),
                fingerprints.of(withMetadata(new java.util.TreeMap<>(Map.of("b", "2", "a", "1")))));
        // the canonical text of a request without metadata, as fingerprinted before metadata existed
        String before = "11:individuals\n2:ru\n-\n-\n-\n-\n-\n-\n-\n0:\n";
        assertEquals(Base64.getUrlEncoder().withoutPadding().encodeToString(
                HmacKey.derived(OLD, "flowgate/request-fingerprint/v1").mac(before)), fingerprints.of(REQUEST),
                "a reservation made before the upgrade still matches its repeat");
    }

    private static ValidSessionRequest withMetadata(Map<String, String> metadata) {
        return new ValidSessionRequest("individuals", "not-a-real-key", Optional.of("order-77"), "ru",
                Optional.empty(), Optional.empty(), Optional.empty(), List.of(), IntegratorMetadata.check(metadata));
    }

    @Test
    void neverTakesAnotherRequestForTheSameOne() {
        RequestFingerprints rotating = new RequestFingerprints(List.of(NEW, OLD));

        assertFalse(rotating.accepted(OTHER).contains(new RequestFingerprints(List.of(OLD)).of(REQUEST)));
        assertFalse(new RequestFingerprints(List.of(NEW)).accepted(REQUEST)
                .contains(new RequestFingerprints(List.of(OLD)).of(REQUEST)), "a retired secret's are not recognised");
    }
}
