package io.flowgate.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FakeIinTest {

    /** The checksum written out again, independently of {@link FakeIin}. */
    private static boolean checksumHolds(String iin) {
        int[] d = iin.chars().map(c -> c - '0').toArray();
        int sum = 0;
        for (int i = 0; i < 11; i++) {
            sum += d[i] * (i + 1);
        }
        int check = sum % 11;
        if (check == 10) {
            sum = 0;
            for (int i = 0; i < 11; i++) {
                sum += d[i] * ((i + 2) % 11 + 1);
            }
            check = sum % 11;
        }
        return check < 10 && check == d[11];
    }

    @Test
    void generatedIinsAreTwelveDigitsWithAValidChecksumAndBirthDate() {
        for (long seed = 0; seed < 2_000; seed++) {
            String iin = FakeIin.forSeed(seed);
            assertTrue(iin.matches("\\d{12}"), iin);
            assertTrue(checksumHolds(iin), iin);
            assertTrue(FakeIin.isValid(iin), iin);
            LocalDate birth = FakeIin.birthDate(iin).orElseThrow();
            String centuryDigits = birth.getYear() < 2000 ? "34" : "56";
            assertTrue(centuryDigits.indexOf(iin.charAt(6)) >= 0, iin);
            assertTrue(birth.getYear() >= 1960 && birth.getYear() <= 2005, iin);
        }
    }

    @Test
    void theSameSeedGivesTheSameIin() {
        assertEquals(FakeIin.forSeed(42), FakeIin.forSeed(42));
    }

    @Test
    void readsTheBirthDateAndSexFromAnIin() {
        assertEquals(Optional.of(LocalDate.of(2001, 2, 3)), FakeIin.birthDate("010203500000"));
        assertEquals(Optional.of(LocalDate.of(1990, 1, 1)), FakeIin.birthDate("900101300000"));
        assertEquals("M", FakeIin.sex("900101300000"));
        assertEquals("F", FakeIin.sex("900101400000"));
    }

    @Test
    void rejectsWhatIsNotAnIin() {
        String iin = FakeIin.forSeed(3);
        String wrongCheck = iin.substring(0, 11) + (char) ('0' + (iin.charAt(11) - '0' + 1) % 10);
        assertFalse(FakeIin.isValid(wrongCheck));
        assertFalse(FakeIin.isValid("12345"));
        assertFalse(FakeIin.isValid(null));
        assertEquals(Optional.empty(), FakeIin.birthDate("901301300000"));
        assertEquals(Optional.empty(), FakeIin.birthDate("900101000000"));
    }
}
