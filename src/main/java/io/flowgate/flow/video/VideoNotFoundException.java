package io.flowgate.flow.video;

/** The session is known, but the vendor has no liveness video for it (no liveness technology was passed). */
public class VideoNotFoundException extends RuntimeException {

    public VideoNotFoundException() {
        super("The vendor has no liveness video for this session.", null, false, false);
    }
}
