package io.flowgate.flow.webhook;

import io.flowgate.flow.session.SessionLookup;
import io.flowgate.flow.session.SessionNotFoundException;
import io.flowgate.flow.session.WebhookView;
import io.flowgate.store.FailedWebhookPosition;
import io.flowgate.store.SessionRecord;
import io.flowgate.store.SessionStore;
import io.flowgate.store.WebhookDelivery;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/** The integrator's view of deliveries that gave up, and a resend that starts a new round at once. */
@ApplicationScoped
public class FailedWebhooks {

    private static final Logger LOG = Logger.getLogger(FailedWebhooks.class);

    private final SessionStore store;
    private final WebhookOutbox outbox;
    private final WebhookDeliverer deliverer;
    private final FailedWebhookPageTokens pageTokens;
    private final Clock clock;

    FailedWebhooks(SessionStore store, WebhookOutbox outbox, WebhookDeliverer deliverer,
            FailedWebhookPageTokens pageTokens, Clock clock) {
        this.store = store;
        this.pageTokens = pageTokens;
        this.outbox = outbox;
        this.deliverer = deliverer;
        this.clock = clock;
    }

    /** A session whose delivery failed, and that delivery. */
    public record FailedWebhook(String sessionId, String reference, String flow, String status, WebhookView webhook) {
    }

    /**
     * One page of the listing: up to {@code limit} failed deliveries, and the token of the next page, null when
     * there is none.
     */
    public record FailedWebhookPage(List<FailedWebhook> deliveries, String nextPageToken) {
    }

    /**
     * Up to {@code limit} failed deliveries of the given flows, the latest failure first, from the start or from
     * where {@code pageToken} (a {@code nextPageToken} given before) says.
     *
     * @throws io.flowgate.flow.request.InvalidRequestException {@code invalid_page_token} for a token not given here
     */
    public FailedWebhookPage list(Set<String> flows, String pageToken, int limit) {
        FailedWebhookPosition after = pageToken == null ? null : pageTokens.position(pageToken);
        List<SessionRecord> found = store.findFailedWebhooks(flows, after, limit + 1);
        List<SessionRecord> page = found.subList(0, Math.min(limit, found.size()));
        String next = found.size() > limit ? pageTokens.after(FailedWebhookPosition.of(page.get(limit - 1))) : null;
        return new FailedWebhookPage(page.stream()
                .map(s -> new FailedWebhook(s.sessionId(), s.reference(), s.flow(), s.status().name(),
                        WebhookView.of(s.webhook())))
                .toList(), next);
    }

    /**
     * Sends the session's event again, now, in a new round of attempts (earlier attempts stay on record), and
     * returns the delivery as it stands after that first attempt. The event is the delivery's (the latest one begun:
     * a failed one holds the events queued behind it, which follow once it is delivered). Also for a session that became final before
     * its flow had a webhook. The session must be of one of {@code flows}, else it is not found.
     */
    public WebhookView resend(String sessionId, Set<String> flows) {
        SessionRecord session = store.find(SessionLookup.checkedId(sessionId))
                .filter(s -> flows.contains(s.flow()))
                .orElseThrow(() -> new SessionNotFoundException("id"));
        if (session.unfinished()) {
            throw new WebhookConflictException("session_not_final",
                    "The session is not final yet; its event is sent when it is.");
        }
        if (!outbox.configured(session.flow())) {
            throw new WebhookConflictException("webhook_not_configured", "The session's flow has no webhook URL.");
        }
        WebhookDelivery current = session.webhook();
        if (current != null && current.state() == WebhookDelivery.State.PENDING) {
            throw new WebhookConflictException("webhook_pending",
                    "This event is already on its way; see the delivery's nextAttemptAt.");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String type = WebhookEvents.type(session);
        store.update(session.nextWebhook(current == null
                ? WebhookDelivery.pending(WebhookEvents.eventId(sessionId, type), type, now, List.of())
                : current.resent(now)));
        LOG.infof("webhook.resend sessionId=%s flow=%s", sessionId, session.flow());
        Optional<WebhookDelivery> made = deliverer.attempt(sessionId);
        if (made.filter(WebhookDelivery::advances).isPresent()) {
            deliverer.attemptSoon(sessionId);
        }
        return WebhookView.of(made.orElseGet(() -> store.find(sessionId).orElseThrow().webhook()));
    }
}
