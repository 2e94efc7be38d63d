package io.flowgate.flow.request;

import static io.flowgate.testsupport.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowgate.testsupport.FakeIins;
import java.util.HashSet;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The test helper checked against hand-computed numbers and against {@link Iin}. */
class FakeIinsTest {

    private static final int SEEDS = 2_000;

    @Test
    void computesTheFirstPassCheckDigit() {
        // 9·1 + 0·2 + 0·3 + 1·4 + 0·5 + 1·6 + 3·7 + 0·8 + 0·9 + 0·10 + 1·11 = 51; 51 mod 11 = 7
        assertEquals(OptionalInt.of(7), FakeIins.checkDigit("90010130001"));
        // 8·1 + 5·2 + 0·3 + 7·4 + 0·5 + 5·6 + 4·7 + 0·8 + 1·9 + 2·10 + 3·11 = 166; 166 mod 11 = 1
        assertEquals(OptionalInt.of(1), FakeIins.checkDigit("85070540123"));
    }

    @Test
    void computesTheSecondPassCheckDigitWhenTheFirstGivesTen() {
        // first: 9·1 + 1·2 + 0·3 + 3·4 + 1·5 + 5·6 + 3·7 + 0·8 + 0·9 + 3·10 + 0·11 = 109; 109 mod 11 = 10
        // second: 9·3 + 1·4 + 0·5 + 3·6 + 1·7 + 5·8 + 3·9 + 0·10 + 0·11 + 3·1 + 0·2 = 126; 126 mod 11 = 5
        assertEquals(OptionalInt.of(5), FakeIins.checkDigit("91031530030"));
        // first: 1·1 + 2·2 + 3·3 + 4·4 + 5·5 + 6·6 + 7·7 + 8·8 + 9·9 + 0·10 + 1·11 = 296; 296 mod 11 = 10
        // second: 1·3 + 2·4 + 3·5 + 4·6 + 5·7 + 6·8 + 7·9 + 8·10 + 9·11 + 0·1 + 1·2 = 377; 377 mod 11 = 3
        assertEquals(OptionalInt.of(3), FakeIins.checkDigit("12345678901"));
    }

    @Test
    void findsNoCheckDigitWhenBothPassesGiveTen() {
        // first: 9 + 2 + 0 + 12 + 5 + 30 + 21 + 0 + 0 + 30 + 88 = 197; 197 mod 11 = 10
        // second: 27 + 4 + 0 + 18 + 7 + 40 + 27 + 0 + 0 + 3 + 16 = 142; 142 mod 11 = 10
        assertEquals(OptionalInt.empty(), FakeIins.checkDigit("91031530038"));
    }

    @Test
    void agreesWithTheValidatorOnTheHandComputedNumbers() {
        for (String iin : new String[] {"900101300017", "850705401231", "910315300305", "123456789013"}) {
            assertEquals(iin, Iin.parse(iin, "iin").value());
        }
    }

    @Test
    void producesIinsTheValidatorAccepts() {
        for (long seed = 0; seed < SEEDS; seed++) {
            String iin = FakeIins.valid(seed);
            assertEquals(iin, Iin.parse(iin, "iin").value(), "seed " + seed);
        }
    }

    @Test
    void producesIinsWithAWrongCheckDigitTheValidatorRejects() {
        for (long seed = 0; seed < SEEDS; seed++) {
            long s = seed;
            String wrong = FakeIins.withWrongCheckDigit(s);
            String valid = FakeIins.valid(s);
            assertEquals(valid.substring(0, 11), wrong.substring(0, 11), "seed " + s);
            assertNotEquals(valid.charAt(11), wrong.charAt(11), "seed " + s);
            assertRejected("invalid_iin", "iin", "The IIN's check digit does not match.", () -> Iin.parse(wrong, "iin"));
        }
    }

    @Test
    void givesTheSameIinForTheSameSeed() {
        assertEquals(FakeIins.valid(42), FakeIins.valid(42));
        assertEquals(FakeIins.withWrongCheckDigit(-7), FakeIins.withWrongCheckDigit(-7));
    }

    @Test
    void givesMostlyDifferentIinsForDifferentSeeds() {
        Set<String> distinct = new HashSet<>();
        LongStream.range(0, SEEDS).forEach(seed -> distinct.add(FakeIins.valid(seed)));
        assertTrue(distinct.size() > SEEDS * 99 / 100, "distinct: " + distinct.size());
    }

    @Test
    void usesAPlausibleDateAndCenturyDigit() {
        for (long seed = 0; seed < SEEDS; seed++) {
            String iin = FakeIins.valid(seed);
            int yy = Integer.parseInt(iin.substring(0, 2));
            int month = Integer.parseInt(iin.substring(2, 4));
            int day = Integer.parseInt(iin.substring(4, 6));
            int century = iin.charAt(6) - '0';
            assertTrue(month >= 1 && month <= 12, iin);
            assertTrue(day >= 1 && day <= 28, iin);
            assertTrue(yy <= 25 ? century == 5 || century == 6 : century == 3 || century == 4, iin);
        }
    }
}
