package io.flowgate.video;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowgate.sandbox.Endpoint;
import io.flowgate.sandbox.Fault;
import io.flowgate.sandbox.Sandbox;
import io.flowgate.store.InMemorySessionStore;
import io.flowgate.store.SessionRecord;
import io.flowgate.store.VideoArchive;
import io.flowgate.testsupport.MutableClock;
import io.flowgate.testsupport.S3rverResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The archive on s3rver: a completed session's video is copied to the bucket, and the endpoint answers with a
 * presigned URL that a plain HTTP client, without credentials, reads the exact bytes from.
 */
@QuarkusTest
@TestProfile(VideoArchiveProfile.class)
class VideoArchiveTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    Sandbox sandbox;

    @Inject
    InMemorySessionStore store;

    @Inject
    MutableClock clock;

    @Test
    void copiesTheVideoOnceTheSessionCompletesAndRedirectsToAPresignedUrl() throws Exception {
        sandbox.videoSize(12 * 1024 * 1024 + 17);
        String sessionId = Videos.finishedSession(sandbox);
        byte[] expected = Videos.vendorBytes(sandbox, sessionId);

        Videos.collect(sessionId);
        SessionRecord archived = awaitArchive(sessionId, VideoArchive.Status.ARCHIVED);
        assertEquals(1, archived.videoArchive().attempts());
        long vendorCalls = videoRequests();

        Response answer = given().redirects().follow(false).when().get("/sessions/" + sessionId + "/video");

        answer.then().statusCode(302).header("Cache-Control", "no-store");
        URI location = URI.create(answer.header("Location"));
        assertEquals("127.0.0.1", location.getHost());
        assertEquals("/" + S3rverResource.BUCKET + "/videos/" + sessionId, location.getPath());
        assertTrue(location.getQuery().contains("X-Amz-Expires=300"), location.getQuery());
        HttpResponse<byte[]> download = Videos.get(location);
        assertEquals(200, download.statusCode());
        assertEquals("video/mp4", download.headers().firstValue("Content-Type").orElseThrow());
        assertArrayEquals(expected, download.body());
        assertEquals(vendorCalls, videoRequests(), "an archived video is not fetched from the vendor again");
    }

    @Test
    void keepsAFailedCopyDueAndMakesItOnTheFirstRequest() throws Exception {
        String sessionId = Videos.finishedSession(sandbox);
        sandbox.injectAlways(Endpoint.VIDEO, Fault.status(503));

        Videos.collect(sessionId);
        SessionRecord failed = awaitAttempts(sessionId, 1);
        assertEquals(VideoArchive.Status.DUE, failed.videoArchive().status());
        assertEquals("upstream_server_error", failed.videoArchive().lastError());

        sandbox.clearFaults();
        Response answer = given().redirects().follow(false).when().get("/sessions/" + sessionId + "/video");

        answer.then().statusCode(302);
        assertEquals(VideoArchive.Status.ARCHIVED, store.find(sessionId).orElseThrow().videoArchive().status());
        assertEquals(2, store.find(sessionId).orElseThrow().videoArchive().attempts());
        assertArrayEquals(Videos.vendorBytes(sandbox, sessionId),
                Videos.get(URI.create(answer.header("Location"))).body());
    }

    @Test
    void makesADueCopyOnTheSweepWithoutWaitingForARequest() throws Exception {
        String sessionId = Videos.finishedSession(sandbox);
        sandbox.injectAlways(Endpoint.VIDEO, Fault.status(503));
        Videos.collect(sessionId);
        SessionRecord failed = awaitAttempts(sessionId, 1);
        sandbox.clearFaults();
        clock.advance(Duration.ofSeconds(59));
        sweep();
        assertEquals(failed.videoArchive(), store.find(sessionId).orElseThrow().videoArchive(),
                "a failed copy waits a minute before the sweep tries it again");

        clock.advance(Duration.ofSeconds(1));
        sweep();

        SessionRecord archived = store.find(sessionId).orElseThrow();
        assertEquals(VideoArchive.Status.ARCHIVED, archived.videoArchive().status());
        assertEquals(2, archived.videoArchive().attempts());
        Response answer = given().redirects().follow(false).when().get("/sessions/" + sessionId + "/video");
        answer.then().statusCode(302);
        assertArrayEquals(Videos.vendorBytes(sandbox, sessionId),
                Videos.get(URI.create(answer.header("Location"))).body());
    }

    @Test
    void aCopyThatKeepsFailingIsGivenUpAfterItsAttemptsWithoutHoldingBackOthersAndMadeOnRequest() throws Exception {
        String failing = Videos.finishedSession(sandbox);
        String other = Videos.finishedSession(sandbox);
        sandbox.injectForSession(failing, Endpoint.VIDEO, Fault.status(500));
        sandbox.injectForSession(other, Endpoint.VIDEO, Fault.status(500));
        Videos.collect(failing);
        Videos.collect(other);
        awaitAttempts(failing, 1);
        awaitAttempts(other, 1);
        sandbox.clearFaults();
        sandbox.injectForSession(failing, Endpoint.VIDEO, Fault.status(500));

        for (int sweep = 1; sweep <= 8; sweep++) {
            clock.advance(Duration.ofHours(1));
            sweep();
        }

        assertEquals(VideoArchive.Status.ARCHIVED, store.find(other).orElseThrow().videoArchive().status());
        assertEquals(2, store.find(other).orElseThrow().videoArchive().attempts());
        SessionRecord givenUp = store.find(failing).orElseThrow();
        assertEquals(new VideoArchive(VideoArchive.Status.FAILED, 8, givenUp.videoArchive().lastAttemptAt(),
                "upstream_server_error", null), givenUp.videoArchive());
        assertEquals(null, givenUp.videoCopyDueAt());
        given().contentType("application/json").body("{\"sessionId\":\"" + failing + "\"}").post("/getResult")
                .then().statusCode(200)
                .body("videoArchive.status", equalTo("FAILED"))
                .body("videoArchive.attempts", equalTo(8))
                .body("videoArchive.lastError", equalTo("upstream_server_error"));

        sandbox.clearFaults();
        Response answer = given().redirects().follow(false).when().get("/sessions/" + failing + "/video");

        answer.then().statusCode(302);
        assertEquals(VideoArchive.Status.ARCHIVED, store.find(failing).orElseThrow().videoArchive().status());
        assertArrayEquals(Videos.vendorBytes(sandbox, failing), Videos.get(URI.create(answer.header("Location"))).body());
    }

    @Test
    void streamsFromTheVendorWhileTheCopyCannotBeMade() throws Exception {
        String sessionId = Videos.finishedSession(sandbox);
        sandbox.injectAlways(Endpoint.VIDEO, Fault.status(503));
        Videos.collect(sessionId);
        awaitAttempts(sessionId, 1);

        given().when().get("/sessions/" + sessionId + "/video")
                .then().statusCode(503).body("code", equalTo("upstream_unavailable"));
        assertEquals(VideoArchive.Status.DUE, store.find(sessionId).orElseThrow().videoArchive().status());
    }

    @Test
    void streamsAnUnfinishedSessionsVideoWithoutArchivingIt() throws Exception {
        String sessionId = Videos.finishedSession(sandbox);

        Response answer = given().redirects().follow(false).when().get("/sessions/" + sessionId + "/video");

        answer.then().statusCode(200).contentType("video/mp4");
        assertArrayEquals(Videos.vendorBytes(sandbox, sessionId), answer.asByteArray());
        assertEquals(null, store.find(sessionId).orElseThrow().videoArchive());
    }

    private static void sweep() {
        given().contentType("application/json").body("{}").when().post("/sweep").then().statusCode(200);
    }

    private long videoRequests() {
        return sandbox.recordedRequests().stream().filter(r -> r.path().equals(Endpoint.VIDEO.path())).count();
    }

    private SessionRecord awaitArchive(String sessionId, VideoArchive.Status status) throws InterruptedException {
        return await(sessionId, "status " + status, s -> s.videoArchive().status() == status);
    }

    private SessionRecord awaitAttempts(String sessionId, int attempts) throws InterruptedException {
        return await(sessionId, attempts + " attempts", s -> s.videoArchive().attempts() >= attempts);
    }

    private SessionRecord await(String sessionId, String what, java.util.function.Predicate<SessionRecord> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            SessionRecord session = store.find(sessionId).orElseThrow();
            if (session.videoArchive() != null && done.test(session)) {
                return session;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the video archive did not reach " + what + " within " + WAIT + ": "
                        + session.videoArchive());
            }
            Thread.sleep(50);
        }
    }
}
