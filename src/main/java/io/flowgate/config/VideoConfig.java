package io.flowgate.config;

import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Settings of flowgate: see {@link FlowgateConfig#video()}. */
public interface VideoConfig {
    /** The copy of each completed session's video in S3; off while no bucket is named. */
    Archive archive();

    /**
     * The largest video, in bytes, answered in the body of a Lambda answer (the video endpoint behind API Gateway,
     * without the archive): Lambda refuses an answer over 6 MB (6,291,456 bytes), and the body travels in base64
     * (4 bytes for 3), which leaves 4,718,592 bytes of video less the answer's headers and envelope. A larger video
     * is refused with {@code video_too_large_for_direct_answer} before its body is read. Outside Lambda (a plain
     * HTTP server) any size is streamed.
     */
    @WithDefault("4500000")
    long directAnswerLimit();

    interface Archive {
        /**
         * The S3 bucket that keeps a copy of each completed session's liveness video, under the key
         * {@code videos/<sessionId>}; unset: no archive, the video endpoint streams from the vendor.
         */
        Optional<String> bucket();

        /** How long a presigned URL to an archived video stays valid (at most 7 days, S3's limit). */
        @WithDefault("5M")
        Duration urlExpiry();

        /** The size of each part of the multipart upload, in bytes (at least 5 MiB): the most held in memory. */
        @WithDefault("8388608")
        int partSize();

        /** The bucket's region; unset: the SDK's chain ({@code AWS_REGION} in Lambda). */
        Optional<String> region();

        /** Another S3 endpoint (an S3-compatible server in tests); unset: the region's S3. */
        Optional<String> endpointOverride();

        /** Copies tried in all for one video; then its copy is FAILED (a request for the video tries once more). */
        @WithDefault("8")
        int maxAttempts();

        /** The wait after the first failed copy; each further wait doubles, up to an hour. */
        @WithDefault("1M")
        Duration initialBackoff();

        /** Address the bucket in the path ({@code endpoint/bucket/key}) instead of the host name. */
        @WithDefault("false")
        boolean pathStyleAccess();
    }
}
