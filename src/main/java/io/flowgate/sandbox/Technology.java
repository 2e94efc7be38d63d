package io.flowgate.sandbox;

import java.util.Arrays;
import java.util.Optional;

/**
 * The technologies the sandbox knows: how the result endpoint names them, which result field they
 * fill, and how the flow page labels them. Codes outside this list still pass through (the list is
 * open): they are named by their code and produce no result.
 */
public enum Technology {
    LD("Liveness", "Determine the liveness of a person by face", "liveness_result",
            "Определение живости человека по лицу", "Liveness check by face"),
    LDHP("Liveness HP", "Determine the liveness of a person by face (high precision)", "liveness_result",
            "Определение живости человека по лицу (повышенная точность)", "Liveness check by face (high precision)"),
    F2F("Face2Face", "Determine the similarity of two faces by photo", "face2face_result",
            "Определение схожести двух лиц по фото", "Face similarity of two photos"),
    ED("E-Document", "Confirm identity by IIN, phone and a one-time code from 1414", "edocument_result",
            "Электронный документ: ИИН, телефон и код из 1414", "E-document: IIN, phone and code from 1414"),
    DR("Document Recognition", "Parse document data from image", "document_recognition_result",
            "Распознавание документа", "Document recognition");

    private final String apiName;
    private final String apiDescription;
    private final String resultField;
    private final String labelRu;
    private final String labelEn;

    Technology(String apiName, String apiDescription, String resultField, String labelRu, String labelEn) {
        this.apiName = apiName;
        this.apiDescription = apiDescription;
        this.resultField = resultField;
        this.labelRu = labelRu;
        this.labelEn = labelEn;
    }

    public static Optional<Technology> of(String code) {
        return Arrays.stream(values()).filter(t -> t.name().equals(code)).findFirst();
    }

    /** The {@code name} in the result's {@code technologies} list. */
    public String apiName() {
        return apiName;
    }

    /** The {@code description} in the result's {@code technologies} list. */
    public String apiDescription() {
        return apiDescription;
    }

    /** The result field a person going through this technology fills. */
    public String resultField() {
        return resultField;
    }

    public boolean isLiveness() {
        return this == LD || this == LDHP;
    }

    public String label(String locale) {
        return "en".equals(locale) ? labelEn : labelRu;
    }
}
