package io.flowgate.sandbox;

import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /api/v1/liveness/video/download/}: the {@link FakeVideo} if the person went through a
 * liveness technology (passed or failed it), else 404 {@code "Video not found."}.
 */
final class VideoHandler {

    private final SessionAccess access;
    private final FakeVideo video;

    VideoHandler(SessionAccess access, FakeVideo video) {
        this.access = access;
        this.video = video;
    }

    void handle(RoutingContext ctx) {
        access.authorize(ctx).ifPresent(session -> {
            boolean recorded = session.technologies().stream().anyMatch(code -> session.wentThrough(code)
                    && Technology.of(code).map(Technology::isLiveness).orElse(false));
            if (recorded) {
                video.stream(ctx.response());
            } else {
                Replies.detail(ctx, 404, "Video not found.");
            }
        });
    }
}
