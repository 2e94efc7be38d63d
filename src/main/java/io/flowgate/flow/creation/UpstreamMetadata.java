package io.flowgate.flow.creation;

import io.flowgate.client.generated.model.EDocumentMetadata;
import io.flowgate.client.generated.model.Face2FaceMetadata;
import io.flowgate.client.generated.model.GeneralMetadata;
import io.flowgate.client.generated.model.PrefilledValue;
import io.flowgate.client.generated.model.SessionMetadata;
import io.flowgate.flow.creation.ValidSessionRequest.EDocumentPrefill;

/**
 * The vendor's {@code metadata} for a valid request: only the parts the caller gave, so the
 * vendor's own defaults ({@code changeable: true}, {@code skip_input: false}) apply to the rest.
 */
final class UpstreamMetadata {

    private UpstreamMetadata() {
    }

    /** The metadata to send, or null when the request has none (the flow runs with its defaults). */
    static SessionMetadata of(ValidSessionRequest request) {
        SessionMetadata metadata = new SessionMetadata();
        boolean any = false;
        if (request.photo().isPresent()) {
            metadata.face2face(new Face2FaceMetadata().photo1(request.photo().get().base64()));
            any = true;
        }
        if (request.edocument().isPresent()) {
            metadata.edocument(edocument(request.edocument().get()));
            any = true;
        }
        if (!request.interchangeableTech().isEmpty()) {
            metadata.general(new GeneralMetadata().interchangeableTech(request.interchangeableTech()));
            any = true;
        }
        return any ? metadata : null;
    }

    private static EDocumentMetadata edocument(EDocumentPrefill prefill) {
        EDocumentMetadata edocument = new EDocumentMetadata();
        if (prefill.iin() != null) {
            edocument.iin(new PrefilledValue().value(prefill.iin().value()).changeable(prefill.iinChangeable()));
        }
        if (prefill.phone() != null) {
            edocument.phone(new PrefilledValue().value(prefill.phone().value()).changeable(prefill.phoneChangeable()));
        }
        if (prefill.skipInput()) {
            edocument.skipInput(true);
        }
        return edocument;
    }
}
