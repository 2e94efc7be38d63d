package io.flowgate.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowgate.flow.session.Caller;
import io.flowgate.flow.video.VideoAccess;
import io.flowgate.flow.video.VideoAnswer;
import io.flowgate.sandbox.Endpoint;
import io.flowgate.sandbox.Sandbox;
import io.flowgate.store.InMemorySessionStore;
import io.flowgate.store.VideoArchive;
import io.flowgate.web.VideoResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A video three times the size of this JVM's whole heap goes through both copying paths: vendor to the
 * endpoint's response writer ({@link VideoResource#streaming}), and vendor to the S3 archive. Runs in its own surefire execution with a small
 * {@code -Xmx} (pom.xml, {@code small-heap}): holding the video whole would end in an OutOfMemoryError. The
 * response writer is called directly (as the resource would, past authentication), because the Lambda event path buffers every response whole (which is why
 * large videos need the archive in Lambda).
 */
@QuarkusTest
@TestProfile(VideoArchiveProfile.class)
@Tag("small-heap")
class VideoLargerThanHeapTest {

    /** The test caller, which {@link Videos#finishedSession} creates the session as: sessions belong to their caller. */
    private static final Caller CALLER = Caller.internal("tests");

    /** The largest heap this test is meaningful with (its execution sets less). */
    private static final long HEAP_BUDGET = 256L * 1024 * 1024;

    @Inject
    Sandbox sandbox;

    @Inject
    InMemorySessionStore store;

    @Inject
    VideoAccess videos;

    @Test
    void streamsAndArchivesAVideoThreeTimesTheHeap() throws Exception {
        long heap = Runtime.getRuntime().maxMemory();
        assertTrue(heap <= HEAP_BUDGET, "run with -Xmx of at most 256m (the small-heap execution); heap is " + heap);
        long size = 3 * heap;
        sandbox.videoSize(size);
        String sessionId = Videos.finishedSession(sandbox);
        Digest vendor = digest(open(URI.create(sandbox.baseUrl() + Endpoint.VIDEO.path() + "?session_id="
                + sessionId + "&flow_api_key=" + Videos.KEY)));
        assertEquals(size, vendor.length());

        VideoAnswer.Streamed stream = (VideoAnswer.Streamed) videos.open(sessionId, CALLER);
        Digest streamed = new Digest();
        VideoResource.streaming(stream.video()).write(streamed.sink());
        assertEquals(vendor, streamed.done(), "streamed through the response writer");

        Videos.collect(sessionId);
        awaitArchived(sessionId);
        VideoAnswer.Archived archived = (VideoAnswer.Archived) videos.open(sessionId, CALLER);
        assertEquals(vendor, digest(open(archived.url().toURI())), "archived in S3");
    }

    private void awaitArchived(String sessionId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (store.find(sessionId).orElseThrow().videoArchive() == null
                || store.find(sessionId).orElseThrow().videoArchive().status() != VideoArchive.Status.ARCHIVED) {
            assertTrue(System.nanoTime() < deadline, "not archived: " + store.find(sessionId).orElseThrow().videoArchive());
            Thread.sleep(200);
        }
    }

    private static InputStream open(URI uri) throws Exception {
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode(), uri.getPath());
        return response.body();
    }

    private static Digest digest(InputStream in) throws Exception {
        Digest digest = new Digest();
        try (in; OutputStream sink = digest.sink()) {
            in.transferTo(sink);
        }
        return digest.done();
    }

    /** SHA-256 and length of what is written to {@link #sink()}, which keeps nothing. */
    private static final class Digest {
        private final MessageDigest sha256 = Videos.sha256();
        private long length;
        private String hex;

        OutputStream sink() {
            return new DigestOutputStream(OutputStream.nullOutputStream(), sha256) {
                @Override
                public void write(byte[] b, int off, int len) throws java.io.IOException {
                    super.write(b, off, len);
                    length += len;
                }

                @Override
                public void write(int b) throws java.io.IOException {
                    super.write(b);
                    length++;
                }
            };
        }

        Digest done() {
            hex = HexFormat.of().formatHex(sha256.digest());
            return this;
        }

        long length() {
            return length;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Digest that && that.length == length && that.hex.equals(hex);
        }

        @Override
        public int hashCode() {
            return hex.hashCode();
        }

        @Override
        public String toString() {
            return length + " bytes, sha256 " + hex;
        }
    }
}
