package io.flowgate.flow.creation;

import io.flowgate.flow.request.InvalidRequestException;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The integrator's own {@code metadata} of a session (not the vendor's, which is the {@code prefill}): at most 20
 * keys of 1 to 40 letters, digits, {@code _}, {@code .} or {@code -}, each with a string of at most 500 characters.
 * Stored with the session, returned by getResult and listSessions and sent in its webhooks; never sent to the
 * vendor, never logged. Not meant for personal data: an order number, a channel, a campaign. A refusal names the
 * key at fault (a key is a name of the integrator's schema), never a value.
 */
public final class IntegratorMetadata {

    static final int MAX_KEYS = 20;
    static final int MAX_VALUE_LENGTH = 500;
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.-]{1,40}");

    private IntegratorMetadata() {
    }

    /**
     * The metadata, sorted by key; empty when none was given.
     *
     * @throws InvalidRequestException {@code invalid_metadata} for too many keys, a key or a value that breaks its rule
     */
    static Map<String, String> check(Map<String, ?> metadata) {
        if (metadata == null) {
            return Map.of();
        }
        if (metadata.size() > MAX_KEYS) {
            throw new InvalidRequestException("invalid_metadata", "metadata",
                    "metadata holds at most " + MAX_KEYS + " keys.");
        }
        Map<String, String> checked = new TreeMap<>();
        for (Map.Entry<String, ?> entry : metadata.entrySet()) {
            if (!KEY.matcher(entry.getKey()).matches()) {
                throw new InvalidRequestException("invalid_metadata", "metadata",
                        "A metadata key is 1 to 40 letters A-Z or a-z, digits, '_', '.' or '-'.");
            }
            if (!(entry.getValue() instanceof String value) || value.length() > MAX_VALUE_LENGTH) {
                throw new InvalidRequestException("invalid_metadata", "metadata." + entry.getKey(),
                        "The value of metadata key " + entry.getKey() + " must be a string of at most "
                                + MAX_VALUE_LENGTH + " characters.");
            }
            checked.put(entry.getKey(), value);
        }
        return Collections.unmodifiableMap(checked);
    }
}
