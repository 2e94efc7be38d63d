package io.flowgate.sandbox;

import java.util.Locale;
import java.util.Optional;

/** What the emulated person did with one technology of the flow. */
public enum Outcome {
    /** Went through it and passed: a positive result. */
    PASS,
    /** Went through it and failed: a negative result. */
    FAIL,
    /** Did not go through it: no result at all. */
    SKIP;

    /** The value used in the flow page's form: {@code pass}, {@code fail} or {@code skip}. */
    public String formValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Outcome> fromFormValue(String value) {
        for (Outcome outcome : values()) {
            if (outcome.formValue().equals(value)) {
                return Optional.of(outcome);
            }
        }
        return Optional.empty();
    }
}
