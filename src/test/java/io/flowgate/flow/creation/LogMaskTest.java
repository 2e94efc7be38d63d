package io.flowgate.flow.creation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowgate.flow.creation.ValidSessionRequest.EDocumentPrefill;
import io.flowgate.flow.request.Iin;
import io.flowgate.flow.request.PhoneNumber;
import io.flowgate.flow.request.ReferencePhoto;
import io.flowgate.testsupport.FakeIins;
import io.flowgate.testsupport.PersonalDigits;
import io.flowgate.testsupport.TestImages;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The log mask: a keyed hash, stable within a deployment, with no digit of the value in it. */
class LogMaskTest {

    private static final String SECRET = "test-only-state-secret-0123456789abcdef";
    private static final String OTHER_SECRET = "other-test-only-state-secret-fedcba9876543210";
    private static final Iin IIN = Iin.parse(FakeIins.valid(1717), "iin");
    private static final PhoneNumber PHONE = PhoneNumber.parse("+7 701 000 1717", "phone");

    private final LogMask mask = new LogMask(List.of(SECRET));

    @Test
    void masksAnIinAsItsKindAndTwelveHexCharacters() {
        String masked = mask.iin(IIN);

        assertTrue(masked.matches("iin#[0-9a-f]{12}"), masked);
        assertEquals(masked, new LogMask(List.of(SECRET)).iin(Iin.parse(IIN.value(), "other")),
                "the same IIN gives the same mask, so an operator can correlate");
        assertNotEquals(masked, mask.iin(Iin.parse(FakeIins.valid(1718), "iin")));
    }

    @Test
    void masksAPhoneByItsNormalisedNumber() {
        String masked = mask.phone(PHONE);

        assertTrue(masked.matches("phone#[0-9a-f]{12}"), masked);
        assertEquals(masked, mask.phone(PhoneNumber.parse("8 (701) 000-17-17", "phone")),
                "the same number however written");
        assertNotEquals(masked, mask.phone(PhoneNumber.parse("+7 701 000 1718", "phone")));
    }

    @Test
    void masksAReferenceAndShowsAnAbsentOneAsADash() {
        assertTrue(mask.reference(Optional.of("order-77")).matches("ref#[0-9a-f]{12}"));
        assertEquals("-", mask.reference(Optional.empty()));
        assertNotEquals(mask.reference(Optional.of(IIN.value())).substring(4), mask.iin(IIN).substring(4),
                "a reference that is an IIN does not give away that it is one");
    }

    @Test
    void anotherStateSecretGivesAnotherMask() {
        LogMask other = new LogMask(List.of(OTHER_SECRET));

        assertNotEquals(mask.iin(IIN), other.iin(IIN));
        assertNotEquals(mask.phone(PHONE), other.phone(PHONE));
        assertNotEquals(mask.reference(Optional.of("order-77")), other.reference(Optional.of("order-77")));
    }

    @Test
    void isKeyedByTheFirstSecretOnlyAndNotByTheSecretItself() {
        assertEquals(mask.iin(IIN), new LogMask(List.of(SECRET, OTHER_SECRET)).iin(IIN),
                "a secret kept for verification only does not change the masks");
        String plainHmac = HexFormat.of().formatHex(hmac(SECRET, "iin:" + IIN.value())).substring(0, 12);
        assertNotEquals("iin#" + plainHmac, mask.iin(IIN), "the key is derived, not the state secret itself");
    }

    @Test
    void describesThePrefillWithoutADigitOfIt() {
        ValidSessionRequest request = new ValidSessionRequest("individuals", "not-a-real-key", Optional.empty(), "ru",
                Optional.empty(), Optional.of(new EDocumentPrefill(IIN, false, PHONE, false, true)),
                Optional.of(ReferencePhoto.parse(TestImages.jpegBase64(), 1_000_000, "photo")),
                List.of());

        String prefill = mask.prefill(request);

        assertEquals(" iin=" + mask.iin(IIN) + " phone=" + mask.phone(PHONE) + " photo=JPEG", prefill);
        PersonalDigits.assertNoRunOf(prefill, IIN.value(), "the prefill");
        PersonalDigits.assertNoRunOf(prefill, PHONE.value(), "the prefill");
    }

    private static byte[] hmac(String key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
