/**
 * Bringing every session to a final state: the scheduled sweep stores paid sessions whose request died, collects
 * the sessions that are due (their browser never came back), and makes the video copies that are due. Uses
 * {@code creation}, {@code result}, {@code video} and {@code store}.
 */
package io.flowgate.flow.lifecycle;
