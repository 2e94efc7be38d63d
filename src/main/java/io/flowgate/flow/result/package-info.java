/**
 * Collecting a session's result from the vendor and the rules of its progress ({@code CREATED} → {@code PENDING}
 * → final): every change a conditional write, the final one with its decision, webhook event and video copy due.
 * Uses {@code session}, {@code decision}, {@code webhook}, {@code video}, {@code client} and {@code store}.
 */
package io.flowgate.flow.result;
