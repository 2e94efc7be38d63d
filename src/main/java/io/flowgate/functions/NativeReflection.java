package io.flowgate.functions;

import io.flowgate.flow.creation.CreatedSession;
import io.flowgate.flow.creation.SessionRequest;
import io.flowgate.flow.decision.Decision;
import io.flowgate.flow.lifecycle.SessionSweep;
import io.flowgate.flow.listing.ListSessionsRequest;
import io.flowgate.flow.listing.SessionPage;
import io.flowgate.flow.resumption.ResumedSession;
import io.flowgate.flow.session.SessionView;
import io.flowgate.flow.session.WebhookView;
import io.flowgate.flow.webhook.FailedWebhooks;
import io.flowgate.flow.webhook.WebhookDeliverer;
import io.flowgate.flow.webhook.WebhookEvent;
import io.flowgate.web.Problem;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The records Jackson reads or writes by reflection, kept for the native image. Funqy registers its
 * functions' return types itself, but the inputs are bound by our own mapper
 * ({@code JsonInput}) and problem details are written by another ({@code ProblemJson}), which no
 * build step can see; listing every one here keeps the domain free of Quarkus annotations. The
 * vendor's generated models need nothing: the REST Client registers the types of its interface.
 */
@RegisterForReflection(targets = {
        SessionRequest.class,
        SessionRequest.Prefill.class,
        SessionRequest.PrefilledValue.class,
        CreatedSession.class,
        SessionView.class,
        SessionView.TechnologyResult.class,
        SessionView.Document.class,
        SessionView.VideoArchiveView.class,
        Decision.class,
        ResultFunctions.GetResultInput.class,
        ResultFunctions.CollectResultInput.class,
        SessionSweep.SweepReport.class,
        WebhookEvent.class,
        WebhookView.class,
        WebhookView.AttemptView.class,
        WebhookDeliverer.DeliveryReport.class,
        FailedWebhooks.FailedWebhook.class,
        WebhookFunctions.ListFailedWebhooksInput.class,
        WebhookFunctions.FailedWebhooksList.class,
        WebhookFunctions.ResendWebhookInput.class,
        SessionControlFunctions.CancelSessionInput.class,
        SessionControlFunctions.ResumeSessionInput.class,
        ResumedSession.class,
        ListSessionsRequest.class,
        SessionPage.class,
        SessionView.ReviewView.class,
        WebhookEvent.Review.class,
        RedactSessionFunction.RedactSessionInput.class,
        ReviewSessionFunction.ReviewSessionInput.class,
        Problem.class})
public final class NativeReflection {

    private NativeReflection() {
    }
}
