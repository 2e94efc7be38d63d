package io.flowgate.flow.session;

import java.util.Locale;
import java.util.Optional;

/** Which field of the vendor's result carries each technology's result. Unknown codes have none. */
public final class ResultFields {

    private ResultFields() {
    }

    public static Optional<String> forTechnology(String code) {
        return switch (code.toUpperCase(Locale.ROOT)) {
            case "LD", "LDHP" -> Optional.of("liveness_result");
            case "F2F" -> Optional.of("face2face_result");
            case "ED" -> Optional.of("edocument_result");
            case "DR" -> Optional.of("document_recognition_result");
            default -> Optional.empty();
        };
    }
}
