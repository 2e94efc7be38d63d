package io.flowgate.demo;

import io.flowgate.flow.creation.SessionRequest.PrefilledValue;
import io.flowgate.flow.creation.SessionRequest;

/**
 * What the demo page posts. {@code iin}, {@code phone} and {@code photo} are personal data: they go
 * to SessionCreation only, never to a log or back into a page.
 */
record DemoForm(String flow, String iin, String phone, String photo, String locale) {

    SessionRequest toSessionRequest(String returnUrl) {
        String iinValue = blankToNull(iin);
        String phoneValue = blankToNull(phone);
        String photoValue = blankToNull(photo);
        SessionRequest.Prefill prefill = iinValue == null && phoneValue == null && photoValue == null ? null
                : new SessionRequest.Prefill(value(iinValue), value(phoneValue), null, photoValue);
        return new SessionRequest(blankToNull(flow), null, blankToNull(locale), returnUrl, prefill, null, null);
    }

    private static PrefilledValue value(String value) {
        return value == null ? null : new PrefilledValue(value, null);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    @Override
    public String toString() {
        return "DemoForm[flow=" + flow + ", locale=" + locale + "]";
    }
}
