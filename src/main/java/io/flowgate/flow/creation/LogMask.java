package io.flowgate.flow.creation;

import io.flowgate.config.FlowgateConfig;
import io.flowgate.flow.request.Iin;
import io.flowgate.flow.request.PhoneNumber;
import io.flowgate.flow.signing.HmacKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * How values that may identify a person appear in logs: a keyed hash that correlates and cannot be reversed. Each
 * is {@code <kind>#<12 hex>}, the first 48 bits of an HMAC-SHA256 of the kind and the value, with a key derived
 * from the first {@code flowgate.state-secret} under a fixed label (so the key is not the secret itself). The same
 * value gives the same mask within a deployment, until the state secret is rotated; without the key, even an IIN's
 * few possible values cannot be tried. No digit of the value is kept. Integrators may put anything in a reference,
 * an IIN included, so it is masked like one.
 */
@ApplicationScoped
public class LogMask {

    private static final String LABEL = "flowgate/log-mask/v1";
    private static final int HEX_CHARS = 12;

    private final HmacKey key;

    @Inject
    LogMask(FlowgateConfig config) {
        this(config.stateSecret());
    }

    /** @param stateSecrets the value of {@code flowgate.state-secret}, newest first: the first keys the masks */
    public LogMask(List<String> stateSecrets) {
        this.key = HmacKey.derived(stateSecrets.get(0), LABEL);
    }

    /** {@code iin#3fa2…}: the IIN's 12 digits, hashed. */
    public String iin(Iin iin) {
        return hashed("iin", iin.value());
    }

    /** {@code phone#9c01…}: the normalised number ({@code +7} and 10 digits), hashed. */
    public String phone(PhoneNumber phone) {
        return hashed("phone", phone.value());
    }

    /** {@code -} when absent; else {@code ref#…}, the reference hashed. */
    public String reference(Optional<String> reference) {
        return reference.map(value -> hashed("ref", value)).orElse("-");
    }

    /**
     * What was prefilled, for correlation: {@code " iin=iin#3fa2… phone=phone#9c01… photo=JPEG"}, each part only
     * when given; the photo by its format alone.
     */
    String prefill(ValidSessionRequest request) {
        StringBuilder parts = new StringBuilder();
        request.edocument().ifPresent(edocument -> {
            if (edocument.iin() != null) {
                parts.append(" iin=").append(iin(edocument.iin()));
            }
            if (edocument.phone() != null) {
                parts.append(" phone=").append(phone(edocument.phone()));
            }
        });
        request.photo().ifPresent(photo -> parts.append(" photo=").append(photo.format()));
        return parts.toString();
    }

    private String hashed(String kind, String value) {
        byte[] mac = key.mac(kind + ":" + value);
        return kind + "#" + HexFormat.of().formatHex(mac).substring(0, HEX_CHARS);
    }

}
