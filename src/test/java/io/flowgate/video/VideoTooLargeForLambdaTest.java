package io.flowgate.video;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowgate.sandbox.Sandbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A video larger than a Lambda answer can carry, through the Lambda event path: refused with
 * {@code 422 video_too_large_for_direct_answer} before its body is read (the vendor's length says so), or as soon as
 * the limit is passed (no length); the vendor's connection dropped, so of a video of 256 MB only what the
 * connection's buffers held is ever sent (the REST Client's own close would read the rest and throw it away).
 */
@QuarkusTest
class VideoTooLargeForLambdaTest {

    /** {@code flowgate.video.direct-answer-limit}'s default. */
    private static final long LIMIT = 4_500_000;
    private static final long LARGE = 256L * 1024 * 1024;
    /**
     * What the loopback connection's socket buffers and the REST Client's queue take of a video nobody reads before
     * the connection is dropped: about 4 MB measured here, at most ~10 MB with Linux's largest autotuned buffers.
     */
    private static final long BUFFERS = 24L * 1024 * 1024;

    @Inject
    Sandbox sandbox;

    @AfterEach
    void restoreTheVideo() {
        sandbox.reset();
    }

    @Test
    void refusesAVideoWhoseLengthIsOverTheLimitWithoutReadingIt() throws Exception {
        String sessionId = Videos.finishedSession(sandbox);
        sandbox.videoSize(LARGE);

        refused(sessionId);

        long sent = settledBytesSent();
        assertTrue(sent < BUFFERS, "the vendor's stream was read: " + sent + " bytes of " + LARGE + " sent");
    }

    @Test
    void refusesAVideoOfUnknownLengthOnceItPassesTheLimitAndReadsNoFurther() throws Exception {
        String sessionId = Videos.finishedSession(sandbox);
        sandbox.videoSize(LARGE);
        sandbox.videoLengthKnown(false);

        refused(sessionId);

        long sent = settledBytesSent();
        assertTrue(sent > LIMIT, "the video was read up to the limit: " + sent);
        assertTrue(sent < LIMIT + BUFFERS, "the vendor's stream was read past the limit: " + sent + " bytes sent");
    }

    @Test
    void answersAVideoOfExactlyTheLimitAndRefusesOneByteMore() throws Exception {
        String sessionId = Videos.finishedSession(sandbox);
        sandbox.videoSize(LIMIT);

        Response answer = given().when().get("/sessions/" + sessionId + "/video");

        answer.then().statusCode(200).contentType("video/mp4").header("Content-Length", Long.toString(LIMIT));
        assertArrayEquals(Videos.vendorBytes(sandbox, sessionId), answer.asByteArray());
        sandbox.videoSize(LIMIT + 1);
        refused(sessionId);
    }

    @Test
    void answersAVideoOfUnknownLengthWithinTheLimitWithItsLength() throws Exception {
        String sessionId = Videos.finishedSession(sandbox);
        sandbox.videoSize(1_000_003);
        sandbox.videoLengthKnown(false);

        Response answer = given().when().get("/sessions/" + sessionId + "/video");

        answer.then().statusCode(200).contentType("video/mp4").header("Content-Length", "1000003");
        assertArrayEquals(Videos.vendorBytes(sandbox, sessionId), answer.asByteArray());
    }

    private static void refused(String sessionId) {
        given().when().get("/sessions/" + sessionId + "/video")
                .then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("video_too_large_for_direct_answer"))
                .body("detail", containsString("larger than 4500000 bytes"))
                .body("detail", containsString("flowgate.video.archive.bucket"));
    }

    /** The sandbox's count once it has stopped growing: the vendor's connection is closed or stalled. */
    private long settledBytesSent() throws InterruptedException {
        long before;
        long after = sandbox.videoBytesSent();
        do {
            before = after;
            Thread.sleep(300);
            after = sandbox.videoBytesSent();
        } while (after != before);
        return after;
    }
}
