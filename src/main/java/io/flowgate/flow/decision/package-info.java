/**
 * Decisions: the configured rules of each flow ({@code flowgate.flows.<flow>.decision.*}) applied to the vendor's
 * results of a completed session, giving an outcome and its reasons. Uses only {@code config}.
 */
package io.flowgate.flow.decision;
