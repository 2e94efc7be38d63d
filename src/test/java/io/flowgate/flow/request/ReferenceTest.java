package io.flowgate.flow.request;

import static io.flowgate.testsupport.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReferenceTest {

    private static final String FIELD = "reference";
    private static final String RULE =
            "A reference must be 1 to 128 characters, each a letter A-Z or a-z, a digit, '.', '_', ':' or '-'.";

    @Test
    void allowsNoReference() {
        assertEquals(Optional.empty(), Reference.check(null, FIELD));
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", "order-42", "ORD_2026.01:7", "a-b.c_d:e", "0"})
    void keepsAReferenceAsGiven(String reference) {
        assertEquals(Optional.of(reference), Reference.check(reference, FIELD));
    }

    @Test
    void allowsExactly128Characters() {
        String longest = "r".repeat(128);

        assertEquals(Optional.of(longest), Reference.check(longest, FIELD));
    }

    @Test
    void refuses129Characters() {
        assertRejected("invalid_reference", FIELD, RULE, () -> Reference.check("r".repeat(129), FIELD));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", " order", "order 42", "order/42", "order?42", "order#42", "order@shop",
        "<script>", "заказ", "order\n42", "ordеr", "%20", "a+b", "a,b"})
    void refusesOtherCharacters(String reference) {
        assertRejected("invalid_reference", FIELD, RULE, () -> Reference.check(reference, FIELD));
    }
}
