package io.flowgate.flow.request;

import java.util.Optional;

/** The integrator's own id for a session (an order or customer number), stored and returned as given. */
public final class Reference {

    private static final int MAX_LENGTH = 128;

    private Reference() {
    }

    /**
     * @return empty when no reference was given
     * @throws InvalidRequestException {@code invalid_reference} unless 1 to 128 of {@code A-Z a-z 0-9 . _ : -}
     */
    public static Optional<String> check(String reference, String field) {
        if (reference == null) {
            return Optional.empty();
        }
        if (reference.isEmpty() || reference.length() > MAX_LENGTH || !reference.chars().allMatch(Reference::allowed)) {
            throw new InvalidRequestException("invalid_reference", field,
                    "A reference must be 1 to 128 characters, each a letter A-Z or a-z, a digit, '.', '_', ':' or '-'.");
        }
        return Optional.of(reference);
    }

    private static boolean allowed(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '.' || c == '_' || c == ':' || c == '-';
    }
}
