package io.flowgate.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowgate.functions.NativeReflection;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class NativeReflectionTest {

    private final Set<Class<?>> registered = Set.of(NativeReflection.class.getAnnotation(RegisterForReflection.class).targets());

    @Test
    void registersEveryRecordOurMappersReadOrWrite() {
        assertEquals(new TreeSet<>(List.of(
                "io.flowgate.flow.creation.CreatedSession",
                "io.flowgate.flow.decision.Decision",
                "io.flowgate.flow.creation.SessionRequest",
                "io.flowgate.flow.creation.SessionRequest$Prefill",
                "io.flowgate.flow.creation.SessionRequest$PrefilledValue",
                "io.flowgate.flow.lifecycle.SessionSweep$SweepReport",
                "io.flowgate.flow.resumption.ResumedSession",
                "io.flowgate.flow.listing.ListSessionsRequest",
                "io.flowgate.flow.listing.SessionPage",
                "io.flowgate.flow.session.SessionView",
                "io.flowgate.flow.session.SessionView$Document",
                "io.flowgate.flow.session.SessionView$TechnologyResult",
                "io.flowgate.flow.session.SessionView$VideoArchiveView",
                "io.flowgate.flow.webhook.FailedWebhooks$FailedWebhook",
                "io.flowgate.flow.webhook.WebhookDeliverer$DeliveryReport",
                "io.flowgate.flow.webhook.WebhookEvent",
                "io.flowgate.flow.session.WebhookView",
                "io.flowgate.flow.session.WebhookView$AttemptView",
                "io.flowgate.functions.ResultFunctions$CollectResultInput",
                "io.flowgate.functions.ResultFunctions$GetResultInput",
                "io.flowgate.functions.SessionControlFunctions$CancelSessionInput",
                "io.flowgate.functions.SessionControlFunctions$ResumeSessionInput",
                "io.flowgate.functions.WebhookFunctions$FailedWebhooksList",
                "io.flowgate.functions.WebhookFunctions$ListFailedWebhooksInput",
                "io.flowgate.functions.WebhookFunctions$ResendWebhookInput",
                "io.flowgate.web.Problem",
                "io.flowgate.flow.session.SessionView$ReviewView",
                "io.flowgate.flow.webhook.WebhookEvent$Review",
                "io.flowgate.functions.RedactSessionFunction$RedactSessionInput",
                "io.flowgate.functions.ReviewSessionFunction$ReviewSessionInput")),
                registered.stream().map(Class::getName).collect(Collectors.toCollection(TreeSet::new)));
    }

    @Test
    void registersTheRecordsNestedInRegisteredRecords() {
        for (Class<?> type : registered) {
            for (RecordComponent component : type.getRecordComponents()) {
                for (Class<?> used : ownTypes(component.getGenericType())) {
                    assertTrue(registered.contains(used), type.getName() + "." + component.getName() + ": " + used);
                }
            }
        }
    }

    @Test
    void registersWhatEveryFunctionReturns() {
        for (Method function : ApplicationRoutes.funqMethods()) {
            assertTrue(registered.contains(function.getReturnType()), function.toString());
        }
    }

    /** The flowgate classes a (generic) type mentions: {@code List<TechnologyResult>} → TechnologyResult. */
    private static List<Class<?>> ownTypes(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            return Arrays.stream(parameterized.getActualTypeArguments()).flatMap(t -> ownTypes(t).stream()).toList();
        }
        if (type instanceof Class<?> c && c.getName().startsWith("io.flowgate.")) {
            return List.of(c);
        }
        return List.of();
    }
}
