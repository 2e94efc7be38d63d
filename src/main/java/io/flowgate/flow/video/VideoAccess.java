package io.flowgate.flow.video;

import io.flowgate.client.FlowRemoteClient;
import io.flowgate.flow.session.Caller;
import io.flowgate.flow.session.SessionConflictException;
import io.flowgate.flow.session.FlowKeys;
import io.flowgate.flow.session.SessionLookup;
import io.flowgate.flow.session.SessionNotFoundException;
import io.flowgate.store.SessionRecord;
import io.flowgate.store.SessionStore;
import io.flowgate.store.VideoArchive;
import io.flowgate.store.VideoBucket;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * A session's liveness video for its integrator: a presigned link to the archived copy when there is one
 * (a due copy is made first), else the vendor's stream, passed through. The id is checked before anything is
 * read or sent; an unknown session, or one of a flow the caller may not use, is {@link SessionNotFoundException}; a
 * redacted one is refused ({@code session_redacted}), though the vendor still holds the video.
 */
@ApplicationScoped
public class VideoAccess {

    private static final Logger LOG = Logger.getLogger(VideoAccess.class);

    private final SessionStore store;
    private final FlowRemoteClient vendor;
    private final VideoArchiving archiving;
    private final VideoBucket bucket;
    private final FlowKeys keys;

    VideoAccess(SessionStore store, FlowRemoteClient vendor, VideoArchiving archiving, VideoBucket bucket,
            FlowKeys keys) {
        this.store = store;
        this.vendor = vendor;
        this.archiving = archiving;
        this.bucket = bucket;
        this.keys = keys;
    }

    /** The video of a session of a flow the caller may use; any other session is not found, as for getResult. */
    public VideoAnswer open(String sessionId, Caller caller) {
        SessionRecord session = store.find(SessionLookup.checkedId(sessionId))
                .filter(caller::owns)
                .orElseThrow(() -> new SessionNotFoundException("id"));
        if (session.redacted()) {
            throw new SessionConflictException("session_redacted",
                    "The session was redacted: flowgate no longer serves its video.");
        }
        if (archiving.enabled() && session.videoArchive() != null) {
            VideoArchive.Status status = archived(session);
            if (status == VideoArchive.Status.ARCHIVED) {
                return new VideoAnswer.Archived(bucket.presignedGet(session.sessionId()), bucket.urlExpiry());
            }
            if (status == VideoArchive.Status.NO_VIDEO) {
                throw new VideoNotFoundException();
            }
        }
        return new VideoAnswer.Streamed(vendor.openVideo(session.sessionId(), keys.apiKeyOf(session.flow())));
    }

    /** Where the session's copy stands after one more try if it was due or FAILED; a failed try: not archived. */
    private VideoArchive.Status archived(SessionRecord session) {
        try {
            return archiving.retryFailed(session).videoArchive().status();
        } catch (RuntimeException failed) {
            LOG.infof("video.archive.fallback sessionId=%s answer=stream", session.sessionId());
            return VideoArchive.Status.DUE;
        }
    }
}
