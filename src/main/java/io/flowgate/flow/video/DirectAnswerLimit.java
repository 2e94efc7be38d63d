package io.flowgate.flow.video;

import io.flowgate.client.UpstreamVideo;
import io.flowgate.config.FlowgateConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.OptionalLong;
import org.jboss.logging.Logger;

/**
 * Keeps a video out of an answer that holds its whole body and cannot exceed a size (Lambda's, through API Gateway):
 * a vendor's length over {@code flowgate.video.direct-answer-limit} is refused before a byte of the body is read; a
 * video of unknown length (chunked) is read up to the limit, no further. Either way the vendor's stream is closed.
 */
@ApplicationScoped
public class DirectAnswerLimit {

    private static final Logger LOG = Logger.getLogger(DirectAnswerLimit.class);
    private static final int CHUNK = 64 * 1024;

    private final long limit;

    @Inject
    DirectAnswerLimit(FlowgateConfig config) {
        this(config.video().directAnswerLimit());
    }

    DirectAnswerLimit(long limit) {
        this.limit = limit;
    }

    /**
     * The video, of a known length within the limit: as it came when the vendor said its length, else read into
     * memory (at most the limit: the answer holds the body whole anyway).
     *
     * @throws VideoTooLargeForDirectAnswerException when it is larger, the vendor's stream closed
     */
    public UpstreamVideo fitting(String sessionId, UpstreamVideo video) {
        OptionalLong length = video.length();
        if (length.isPresent()) {
            if (length.getAsLong() > limit) {
                throw tooLarge(sessionId, video, Long.toString(length.getAsLong()));
            }
            return video;
        }
        byte[] read = readUpTo(video);
        if (read.length > limit) {
            throw tooLarge(sessionId, video, "unknown");
        }
        closeQuietly(video);
        return new UpstreamVideo(new ByteArrayInputStream(read), video.contentType(), OptionalLong.of(read.length));
    }

    /** The body's first {@code limit + 1} bytes at most. */
    private byte[] readUpTo(UpstreamVideo video) {
        ByteArrayOutputStream read = new ByteArrayOutputStream(CHUNK);
        byte[] chunk = new byte[CHUNK];
        try {
            InputStream body = video.body();
            int n;
            while (read.size() <= limit && (n = body.read(chunk, 0, (int) Math.min(CHUNK, limit + 1 - read.size())))
                    >= 0) {
                read.write(chunk, 0, n);
            }
        } catch (IOException e) {
            closeQuietly(video);
            throw new UncheckedIOException(e);
        }
        return read.toByteArray();
    }

    private VideoTooLargeForDirectAnswerException tooLarge(String sessionId, UpstreamVideo video, String length) {
        closeQuietly(video);
        LOG.infof("video.too_large_for_direct_answer sessionId=%s length=%s limit=%d", sessionId, length, limit);
        return new VideoTooLargeForDirectAnswerException(limit);
    }

    private static void closeQuietly(UpstreamVideo video) {
        try {
            video.close();
        } catch (IOException | RuntimeException ignored) {
            // the vendor's connection is dropped either way
        }
    }
}
