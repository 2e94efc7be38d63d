/**
 * Signed result webhooks to the integrator: the event written into the session's outbox with its final state,
 * delivery by claim with retries, the HTTP sender, and listing and resending failed deliveries. Uses
 * {@code session}, {@code decision}, {@code store} and {@code config}.
 */
package io.flowgate.flow.webhook;
