package io.flowgate.flow.creation;

import java.util.Optional;

/**
 * How values that may identify a person appear in logs: enough to correlate, not enough to read.
 * Integrators may put anything in a reference, an IIN included, so it is masked like one.
 */
public final class LogMask {

    private LogMask() {
    }

    /** {@code -} when absent; else all but the last 4 characters as {@code *} (at least half masked). */
    public static String reference(Optional<String> reference) {
        return reference.map(LogMask::keepTail).orElse("-");
    }

    /**
     * What was prefilled, for correlation: {@code " iin=90******0017 phone=+7******5678 photo=JPEG"}, each part
     * only when given; the photo by its format alone.
     */
    static String prefill(ValidSessionRequest request) {
        StringBuilder parts = new StringBuilder();
        request.edocument().ifPresent(edocument -> {
            if (edocument.iin() != null) {
                parts.append(" iin=").append(edocument.iin().masked());
            }
            if (edocument.phone() != null) {
                parts.append(" phone=").append(edocument.phone().masked());
            }
        });
        request.photo().ifPresent(photo -> parts.append(" photo=").append(photo.format()));
        return parts.toString();
    }

    static String keepTail(String value) {
        int visible = Math.min(4, value.length() / 2);
        return "*".repeat(value.length() - visible) + value.substring(value.length() - visible);
    }
}
