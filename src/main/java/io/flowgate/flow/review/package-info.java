/**
 * Review: the final word of the integrator's reviewer on a session the decision rules left for review. Uses
 * {@code session}, {@code decision}, {@code request}, {@code webhook} and {@code store}.
 */
package io.flowgate.flow.review;
