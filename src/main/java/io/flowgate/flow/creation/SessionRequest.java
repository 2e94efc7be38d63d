package io.flowgate.flow.creation;

import java.util.List;
import java.util.Map;

/**
 * What a caller asks for when creating a session, as received. Everything is checked by
 * {@link SessionRequestValidator} before anything is stored or sent.
 *
 * @param flow a configured flow name
 * @param reference the integrator's own id for this check, optional
 * @param locale {@code ru} or {@code en}, optional
 * @param returnUrl where the browser goes at the end, optional, on the allow-list
 * @param prefill data for the vendor's steps, optional; personal data
 * @param interchangeableTech technology codes that may replace each other, optional
 * @param metadata the integrator's own key-value pairs, optional: stored and returned with the session and in its
 *        webhooks, never sent to the vendor nor logged; not meant for personal data (see {@link IntegratorMetadata}).
 *        Read as any JSON values, so that a number or an object is refused by our own rule, not taken as text
 */
public record SessionRequest(
        String flow,
        String reference,
        String locale,
        String returnUrl,
        Prefill prefill,
        List<String> interchangeableTech,
        Map<String, Object> metadata) {

    /**
     * Data handed to the vendor's steps. Personal data: never logged or stored.
     *
     * @param iin prefilled IIN for the E-Document step
     * @param phone prefilled phone for the E-Document step
     * @param skipInput go straight to the OTP step (needs both values, both not changeable)
     * @param photo base64 JPEG or PNG to compare the face with (face-to-face)
     */
    public record Prefill(PrefilledValue iin, PrefilledValue phone, Boolean skipInput, String photo) {

        @Override
        public String toString() {
            return "Prefill[redacted]";
        }
    }

    /**
     * @param value the value shown in the vendor's form
     * @param changeable whether the person may edit it; the vendor's default is true
     */
    public record PrefilledValue(String value, Boolean changeable) {

        @Override
        public String toString() {
            return "PrefilledValue[redacted]";
        }
    }
}
