package io.flowgate.flow.video;

import io.flowgate.client.UpstreamVideo;
import java.net.URL;
import java.time.Duration;

/** What a request for a session's video gets: a link to its archived copy, or the vendor's stream. */
public sealed interface VideoAnswer permits VideoAnswer.Archived, VideoAnswer.Streamed {

    /** The archived copy, at a presigned URL valid for {@code validFor}. Short-lived: never store or log it. */
    record Archived(URL url, Duration validFor) implements VideoAnswer {
    }

    /** The vendor's recording, open: whoever receives it must close it. */
    record Streamed(UpstreamVideo video) implements VideoAnswer {
    }
}
