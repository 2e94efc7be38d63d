/**
 * Creating a session: the request validated ({@code request}), the caller's reference reserved for idempotency,
 * the vendor's session created with the flow's key and made durable at once (in the reservation, then its own
 * record, written with retries), and the verification URL signed
 * ({@code callback}). Uses {@code request}, {@code session}, {@code callback}, {@code client} and {@code store}.
 */
package io.flowgate.flow.creation;
