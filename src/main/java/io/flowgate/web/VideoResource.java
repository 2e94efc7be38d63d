package io.flowgate.web;

import io.flowgate.budget.InvocationBudget;
import io.flowgate.client.UpstreamVideo;
import io.flowgate.flow.video.DirectAnswerLimit;
import io.flowgate.flow.video.VideoAccess;
import io.flowgate.flow.video.VideoAnswer;
import io.flowgate.web.auth.Callers;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;

/**
 * {@code GET /sessions/{sessionId}/video}: the session's liveness recording, for the integrator's backend (an
 * authenticated caller allowed the session's flow; any other session is answered as not found). With
 * an archived copy, a {@code 302} to a short-lived presigned S3 URL; otherwise the vendor's recording, streamed
 * through (never held whole in memory) with the vendor's content type and, when it sends one, its length. Behind
 * Lambda, which holds an answer whole and refuses one over 6 MB, a video over {@code flowgate.video.direct-answer-limit}
 * is refused ({@link DirectAnswerLimit}) before its body is read.
 */
@Path("/sessions/{sessionId}/video")
public class VideoResource {

    private final VideoAccess videos;
    private final Callers callers;
    private final InvocationBudgets budgets;
    private final LambdaAnswers lambda;
    private final DirectAnswerLimit directAnswer;

    VideoResource(VideoAccess videos, Callers callers, InvocationBudgets budgets, LambdaAnswers lambda,
            DirectAnswerLimit directAnswer) {
        this.videos = videos;
        this.callers = callers;
        this.budgets = budgets;
        this.lambda = lambda;
        this.directAnswer = directAnswer;
    }

    @GET
    public Response video(@PathParam("sessionId") String sessionId) throws URISyntaxException {
        VideoAnswer answer = InvocationBudget.within(budgets.forAnswer(),
                () -> videos.open(sessionId, callers.current()));
        if (answer instanceof VideoAnswer.Archived archived) {
            return Response.status(Response.Status.FOUND).location(archived.url().toURI())
                    .header("Cache-Control", "no-store").build();
        }
        UpstreamVideo video = ((VideoAnswer.Streamed) answer).video();
        if (lambda.current()) {
            video = directAnswer.fitting(sessionId, video);
        }
        Response.ResponseBuilder response = Response.ok(streaming(video)).type(video.contentType())
                .header("Cache-Control", "no-store");
        video.length().ifPresent(length -> response.header("Content-Length", length));
        return response.build();
    }

    /** Copies the vendor's stream to the response in small chunks, then closes it. */
    public static StreamingOutput streaming(UpstreamVideo video) {
        return output -> {
            try (InputStream body = video.body()) {
                copy(body, output);
            }
        };
    }

    private static void copy(InputStream in, OutputStream out) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        int read;
        while ((read = in.read(chunk)) >= 0) {
            out.write(chunk, 0, read);
        }
        out.flush();
    }
}
