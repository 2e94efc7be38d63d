/**
 * The Funqy functions (JSON in, JSON out) and what they need to run: strict input reading, the in-process timers
 * of the scheduled functions in one-process runs, and the native image's reflection list. Each hands its input
 * to one domain bean of {@code flow}; the top layer, used by nothing.
 */
package io.flowgate.functions;
