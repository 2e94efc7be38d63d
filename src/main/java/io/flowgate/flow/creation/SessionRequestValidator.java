package io.flowgate.flow.creation;

import io.flowgate.config.FlowConfig;
import io.flowgate.config.FlowgateConfig;
import io.flowgate.flow.creation.SessionRequest.Prefill;
import io.flowgate.flow.creation.SessionRequest.PrefilledValue;
import io.flowgate.flow.creation.ValidSessionRequest.EDocumentPrefill;
import io.flowgate.flow.request.Iin;
import io.flowgate.flow.request.InvalidRequestException;
import io.flowgate.flow.request.LocaleCode;
import io.flowgate.flow.request.PhoneNumber;
import io.flowgate.flow.request.Reference;
import io.flowgate.flow.request.ReferencePhoto;
import io.flowgate.flow.request.ReturnUrlPolicy;
import io.flowgate.flow.session.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Checks a {@link SessionRequest} against the vendor's rules and ours, before anything leaves. */
@ApplicationScoped
public class SessionRequestValidator {

    private static final Pattern TECHNOLOGY_CODE = Pattern.compile("[A-Za-z0-9_]{1,16}");
    private static final int MAX_INTERCHANGEABLE = 16;

    private final FlowgateConfig config;
    private final ReturnUrlPolicy returnUrls;

    SessionRequestValidator(FlowgateConfig config, ReturnUrlPolicy returnUrls) {
        this.config = config;
        this.returnUrls = returnUrls;
    }

    ValidSessionRequest validate(SessionRequest request, Caller caller) {
        if (request == null) {
            throw new InvalidRequestException("missing_body", null, "The request needs a JSON body.");
        }
        String flow = request.flow();
        if (flow == null || flow.isBlank()) {
            throw new InvalidRequestException("missing_field", "flow", "Name the flow to run.");
        }
        UsableFlow.check(flow, config.flows().keySet(), caller);
        FlowConfig flowConfig = config.flows().get(flow);
        Prefill prefill = request.prefill();
        return new ValidSessionRequest(
                flow,
                flowConfig.apiKey(),
                Reference.check(request.reference(), "reference"),
                LocaleCode.check(request.locale(), config.defaultLocale(), "locale"),
                returnUrls.check(request.returnUrl(), "returnUrl"),
                edocument(prefill),
                photo(prefill),
                interchangeableTech(request.interchangeableTech()),
                IntegratorMetadata.check(request.metadata()));
    }

    private Optional<EDocumentPrefill> edocument(Prefill prefill) {
        if (prefill == null || (prefill.iin() == null && prefill.phone() == null && prefill.skipInput() == null)) {
            return Optional.empty();
        }
        PrefilledValue iin = prefill.iin();
        PrefilledValue phone = prefill.phone();
        Iin iinValue = iin == null ? null : Iin.parse(required(iin, "prefill.iin.value"), "prefill.iin.value");
        PhoneNumber phoneValue = phone == null ? null
                : PhoneNumber.parse(required(phone, "prefill.phone.value"), "prefill.phone.value");
        boolean skipInput = Boolean.TRUE.equals(prefill.skipInput());
        if (skipInput && !(iinValue != null && phoneValue != null
                && Boolean.FALSE.equals(iin.changeable()) && Boolean.FALSE.equals(phone.changeable()))) {
            throw new InvalidRequestException("skip_input_not_allowed", "prefill.skipInput",
                    "skipInput needs both prefill.iin and prefill.phone with a value and \"changeable\": false: "
                            + "the vendor skips the data-entry step only when all three hold.");
        }
        return Optional.of(new EDocumentPrefill(iinValue, iin == null ? null : iin.changeable(), phoneValue,
                phone == null ? null : phone.changeable(), skipInput));
    }

    private static String required(PrefilledValue prefilled, String field) {
        if (prefilled.value() == null || prefilled.value().isBlank()) {
            throw new InvalidRequestException("missing_field", field, "Give the value to prefill, or leave the whole object out.");
        }
        return prefilled.value();
    }

    private Optional<ReferencePhoto> photo(Prefill prefill) {
        if (prefill == null || prefill.photo() == null) {
            return Optional.empty();
        }
        return Optional.of(ReferencePhoto.parse(prefill.photo(), config.photo().maxBytes(), "prefill.photo"));
    }

    private static List<String> interchangeableTech(List<String> codes) {
        if (codes == null) {
            return List.of();
        }
        if (codes.size() > MAX_INTERCHANGEABLE) {
            throw new InvalidRequestException("invalid_interchangeable_tech", "interchangeableTech",
                    "At most " + MAX_INTERCHANGEABLE + " technology codes.");
        }
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            if (code == null || !TECHNOLOGY_CODE.matcher(code).matches()) {
                throw new InvalidRequestException("invalid_interchangeable_tech", "interchangeableTech[" + i + "]",
                        "A technology code is 1 to 16 letters, digits or underscores (e.g. LD, F2F).");
            }
        }
        return List.copyOf(codes);
    }
}
