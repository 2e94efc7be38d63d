package io.flowgate.flow.creation;

import io.flowgate.config.FlowgateConfig;
import io.flowgate.flow.creation.ValidSessionRequest.EDocumentPrefill;
import io.flowgate.flow.request.ReferencePhoto;
import io.flowgate.flow.signing.HmacKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A keyed hash (HMAC-SHA256) of everything a session request asks for, to tell a repeated request from a
 * different one under the same reference. Keyed, because an IIN has few enough possible values that a plain
 * hash of it could be reversed by trying them all; the key is derived from the state secret.
 */
@ApplicationScoped
public class RequestFingerprints {


    /** One per state secret, newest first: the first makes fingerprints, any recognises one. */
    private final List<HmacKey> keys;

    @Inject
    RequestFingerprints(FlowgateConfig config) {
        this(config.stateSecret());
    }

    RequestFingerprints(List<String> stateSecrets) {
        this.keys = HmacKey.derivedFromEach(stateSecrets, "flowgate/request-fingerprint/v1");
    }

    String of(ValidSessionRequest request) {
        return of(keys.get(0), request);
    }

    /** The request's fingerprint under each state secret: a reservation made before a rotation still matches. */
    Set<String> accepted(ValidSessionRequest request) {
        return keys.stream().map(key -> of(key, request)).collect(Collectors.toUnmodifiableSet());
    }

    private static String of(HmacKey key, ValidSessionRequest request) {
        StringBuilder canonical = new StringBuilder();
        field(canonical, request.flow());
        field(canonical, request.locale());
        field(canonical, request.returnUrl().map(Object::toString).orElse(null));
        EDocumentPrefill edocument = request.edocument().orElse(null);
        field(canonical, edocument == null || edocument.iin() == null ? null : edocument.iin().value());
        field(canonical, edocument == null ? null : String.valueOf(edocument.iinChangeable()));
        field(canonical, edocument == null || edocument.phone() == null ? null : edocument.phone().value());
        field(canonical, edocument == null ? null : String.valueOf(edocument.phoneChangeable()));
        field(canonical, edocument == null ? null : String.valueOf(edocument.skipInput()));
        field(canonical, request.photo().map(ReferencePhoto::base64).orElse(null));
        field(canonical, String.join(",", request.interchangeableTech()));
        // only when given, so that a request without metadata keeps the fingerprint it had before metadata existed
        // (a reference held across the upgrade still matches its repeat)
        if (!request.metadata().isEmpty()) {
            request.metadata().forEach((name, value) -> {
                field(canonical, name);
                field(canonical, value);
            });
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.mac(canonical.toString()));
    }

    /** Length-prefixed, so that no two different requests can run together into the same text. */
    private static void field(StringBuilder canonical, String value) {
        canonical.append(value == null ? "-" : value.length() + ":" + value).append('\n');
    }

}
