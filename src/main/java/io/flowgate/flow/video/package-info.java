/**
 * A session's liveness video: streamed through from the vendor, or copied to the archive bucket after completion
 * and answered with a presigned link. Uses {@code session}, {@code client}, {@code store} and {@code config}.
 */
package io.flowgate.flow.video;
