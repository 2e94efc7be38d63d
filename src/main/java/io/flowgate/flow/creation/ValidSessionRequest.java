package io.flowgate.flow.creation;

import io.flowgate.flow.request.Iin;
import io.flowgate.flow.request.PhoneNumber;
import io.flowgate.flow.request.ReferencePhoto;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A session request that passed every check; {@code apiKey} is the named flow's secret key. */
record ValidSessionRequest(
        String flow,
        String apiKey,
        Optional<String> reference,
        String locale,
        Optional<URI> returnUrl,
        Optional<EDocumentPrefill> edocument,
        Optional<ReferencePhoto> photo,
        List<String> interchangeableTech,
        Map<String, String> metadata) {

    /** A request without metadata. */
    ValidSessionRequest(String flow, String apiKey, Optional<String> reference, String locale, Optional<URI> returnUrl,
            Optional<EDocumentPrefill> edocument, Optional<ReferencePhoto> photo, List<String> interchangeableTech) {
        this(flow, apiKey, reference, locale, returnUrl, edocument, photo, interchangeableTech, Map.of());
    }

    /** Prefill for the E-Document step; a null value or changeable means "not given". */
    record EDocumentPrefill(Iin iin, Boolean iinChangeable, PhoneNumber phone, Boolean phoneChangeable,
            boolean skipInput) {
    }

    @Override
    public String toString() {
        return "ValidSessionRequest[flow=" + flow + "]";
    }
}
