/**
 * Creating a session: the request validated ({@code request}), the reference reserved for idempotency, the
 * vendor's session created with the flow's key, the record stored and the verification URL signed
 * ({@code callback}). Uses {@code request}, {@code session}, {@code callback}, {@code client} and {@code store}.
 */
package io.flowgate.flow.creation;
