/**
 * Cancelling a session at the integrator's request: the CANCELLED status written by one conditional write with its
 * {@code session.cancelled} event. Uses {@code session}, {@code webhook}, {@code metrics}, {@code decision} and
 * {@code store}.
 */
package io.flowgate.flow.cancellation;
