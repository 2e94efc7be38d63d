package io.flowgate.flow.video;

/**
 * The video is larger than an answer that carries it in its body may be (Lambda's payload limit): only the archive's
 * redirect can hand it over. Raised before the video is read, or as soon as a video of unknown length passes the limit.
 */
public class VideoTooLargeForDirectAnswerException extends RuntimeException {

    private final long limit;

    public VideoTooLargeForDirectAnswerException(long limit) {
        super("The video is larger than " + limit + " bytes, the most a direct answer can carry.", null, false, false);
        this.limit = limit;
    }

    /** {@code flowgate.video.direct-answer-limit}, in bytes. */
    public long limit() {
        return limit;
    }
}
