package io.flowgate.flow.cancellation;

import io.flowgate.flow.request.InvalidRequestException;
import java.util.regex.Pattern;

/**
 * Why the integrator cancelled a session: a code of its own, kept as the session's {@code statusReason}. Lower-case
 * letters and underscores only, 1 to 40 of them, starting with a letter ({@code duplicate}, {@code customer_left}):
 * a code, not a note, so it cannot carry digits (an IIN, a phone number, a date) and is safe to log.
 */
public final class CancelReason {

    /** The reason kept when the integrator gives none. */
    public static final String UNSPECIFIED = "unspecified";
    /** The rule, as the documentation and the refusal state it. */
    public static final String RULE = "1 to 40 lower-case letters or underscores, starting with a letter";

    private static final Pattern CODE = Pattern.compile("[a-z][a-z_]{0,39}");

    private CancelReason() {
    }

    /** The reason to keep for {@code reason} as given (null when absent); refuses one that is not a code. */
    public static String check(String reason) {
        if (reason == null) {
            return UNSPECIFIED;
        }
        if (!CODE.matcher(reason).matches()) {
            throw new InvalidRequestException("invalid_reason", "reason", "A reason is a code: " + RULE + ".");
        }
        return reason;
    }
}
