package io.flowgate.client;

import java.util.regex.Pattern;

/**
 * The form of a vendor session id flowgate accepts: 1 to 128 letters, digits, {@code -} or {@code _}. The vendor
 * issues UUIDs, but nothing in its contract promises them; this form is safe in a state token (split on
 * {@code .}), a store key (prefixed with {@code #} for reservations), a URL path and a log line.
 */
public final class VendorSessionIds {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    /** Says what a session id is, for messages. */
    public static final String RULE = "1 to 128 letters, digits, '-' or '_'";

    private VendorSessionIds() {
    }

    public static boolean isSafe(String sessionId) {
        return sessionId != null && SAFE.matcher(sessionId).matches();
    }
}
