package io.flowgate.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/**
 * The vendor's video download, the same operation as the generated {@code downloadLivenessVideo}, declared by
 * hand to answer a {@link Response}: the generated method gives the body only, and the video's content type and
 * length are in the headers. The REST Client hands a {@code Response}'s body over as a stream, unbuffered (as
 * it does an {@code InputStream}), only from a blocking call: a {@code Uni<Response>} would hold the whole video.
 */
@Path("/api/v1")
interface VideoDownloadApi {

    @GET
    @Path("/liveness/video/download/")
    @Produces({"application/octet-stream", "video/mp4", "video/webm", "application/json"})
    Response download(@QueryParam("session_id") String sessionId, @QueryParam("flow_api_key") String apiKey);
}
