/**
 * Bringing every session to a final state: the scheduled sweep collects sessions whose browser never came back
 * and makes the video copies still due. Uses {@code result}, {@code video} and {@code store}.
 */
package io.flowgate.flow.lifecycle;
