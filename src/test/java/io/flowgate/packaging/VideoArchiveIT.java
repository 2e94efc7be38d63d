package io.flowgate.packaging;

import static io.flowgate.journey.Journeys.collectResult;
import static io.flowgate.journey.Journeys.createSession;
import static io.flowgate.journey.Journeys.getResult;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowgate.testsupport.S3rverResource;
import io.flowgate.testsupport.TestCallers;
import io.flowgate.testsupport.lambda.LambdaStack;
import io.flowgate.testsupport.lambda.StubVendor;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * The liveness video on the packaged artifact, from a stub vendor that serves a recording: with the archive on
 * (s3rver, an S3-compatible server, as {@code VideoArchiveTest} uses it; the credentials from the environment, as
 * the SDK's default chain finds the role's in Lambda), a completed session's video is copied to the bucket in two
 * parts and {@code GET /sessions/{id}/video} answers a presigned redirect that serves the same bytes; without the
 * archive, the endpoint streams the vendor's bytes with its content type, and refuses a video over the limit of a
 * Lambda answer ({@code video_too_large_for_direct_answer}). One process of each, sessions in memory.
 */
class VideoArchiveIT {

    private static final Path TARGET = Path.of(System.getProperty("flowgate.target", "target"));
    private static final int PART_SIZE = 5 * 1024 * 1024;
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private static StubVendor vendor;
    private static S3rverResource s3rver;
    private static Map<String, String> archive;
    private static LambdaStack archiving;
    private static LambdaStack streaming;

    @BeforeAll
    static void startTheFunctionsAndS3rver() throws Exception {
        vendor = new StubVendor();
        s3rver = new S3rverResource();
        archive = s3rver.start();
        archiving = LambdaStack.startPackaged(TARGET, url -> configuration(url, archive),
                TARGET.resolve("video-it/archive"));
        streaming = LambdaStack.startPackaged(TARGET, url -> configuration(url, Map.of()),
                TARGET.resolve("video-it/stream"));
        RestAssured.baseURI = "http://127.0.0.1";
        TestCallers.useTestToken();
    }

    private static Map<String, String> configuration(String publicUrl, Map<String, String> archiveSettings) {
        Map<String, String> properties = PackagedSetup.configuration("video-it", publicUrl, vendor);
        properties.putAll(FunctionsOverHttpContract.CONFIGURATION);
        properties.putAll(archiveSettings);
        if (!archiveSettings.isEmpty()) {
            properties.put("flowgate.video.archive.part-size", Integer.toString(PART_SIZE));
            // the SDK's default credential chain, as it finds the function role's in Lambda
            properties.put("AWS_ACCESS_KEY_ID", S3rverResource.ACCOUNT);
            properties.put("AWS_SECRET_ACCESS_KEY", S3rverResource.ACCOUNT);
        }
        return properties;
    }

    @AfterAll
    static void stop() throws Exception {
        PackagedSetup.closeAll(archiving, streaming, vendor, s3rver::stop);
    }

    @Test
    void copiesACompletedSessionsVideoToTheBucketAndRedirectsToAPresignedUrlServingTheSameBytes() throws Exception {
        byte[] video = bytes(PART_SIZE + 17, 1);
        vendor.serveVideo(video, "video/mp4");
        RestAssured.port = archiving.gateway().port();
        String sessionId = createSession("{\"flow\":\"individuals\",\"reference\":\"order-v1\"}").path("sessionId");

        collectResult(sessionId).then().statusCode(200).body("status", equalTo("COMPLETED"));
        awaitArchived(sessionId);

        ResponseBytes<GetObjectResponse> stored = readObject("videos/" + sessionId);
        assertArrayEquals(video, stored.asByteArray(), "the object holds the vendor's bytes");
        assertEquals("video/mp4", stored.response().contentType());
        int vendorCalls = vendor.videoCalls();

        Response answer = given().redirects().follow(false).when().get("/sessions/" + sessionId + "/video");

        answer.then().statusCode(302).header("Cache-Control", "no-store");
        URI location = URI.create(answer.header("Location"));
        assertEquals("127.0.0.1", location.getHost());
        assertEquals("/" + S3rverResource.BUCKET + "/videos/" + sessionId, location.getPath());
        assertTrue(location.getQuery().contains("X-Amz-Expires=300"), location.getQuery());
        HttpResponse<byte[]> download = HTTP.send(HttpRequest.newBuilder(location).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, download.statusCode());
        assertEquals("video/mp4", download.headers().firstValue("Content-Type").orElseThrow());
        assertArrayEquals(video, download.body(), "the presigned URL serves the vendor's bytes");
        assertEquals(vendorCalls, vendor.videoCalls(), "an archived video is not fetched from the vendor again");
    }

    @Test
    void streamsTheVendorsVideoWithItsContentTypeWithoutTheArchive() throws Exception {
        byte[] video = bytes(256 * 1024 + 17, 2);
        vendor.serveVideo(video, "video/webm");
        RestAssured.port = streaming.gateway().port();
        String sessionId = createSession("{\"flow\":\"individuals\",\"reference\":\"order-v2\"}").path("sessionId");
        collectResult(sessionId).then().statusCode(200).body("status", equalTo("COMPLETED"));

        Response answer = given().redirects().follow(false).when().get("/sessions/" + sessionId + "/video");

        answer.then().statusCode(200).contentType("video/webm");
        assertArrayEquals(video, answer.asByteArray());
        getResult("{\"sessionId\":\"" + sessionId + "\"}").then().statusCode(200)
                .body("videoArchive", nullValue());
    }

    @Test
    void refusesAVideoTooLargeForALambdaAnswerWithoutTheArchive() {
        vendor.serveVideo(bytes(4_500_001, 3), "video/mp4");
        RestAssured.port = streaming.gateway().port();
        String sessionId = createSession("{\"flow\":\"individuals\",\"reference\":\"order-v3\"}").path("sessionId");
        collectResult(sessionId).then().statusCode(200).body("status", equalTo("COMPLETED"));

        given().redirects().follow(false).when().get("/sessions/" + sessionId + "/video")
                .then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("video_too_large_for_direct_answer"));
    }

    /** Waits until getResult shows the session's video archived. */
    private static void awaitArchived(String sessionId) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            JsonPath session = getResult("{\"sessionId\":\"" + sessionId + "\"}").then().statusCode(200)
                    .extract().jsonPath();
            if ("ARCHIVED".equals(session.getString("videoArchive.status"))) {
                assertEquals(1, session.getInt("videoArchive.attempts"), session.prettify());
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the video was not archived within " + PATIENCE + ": " + session.prettify()
                        + "\n" + archiving.output());
            }
            Thread.sleep(100);
        }
    }

    /** The object as s3rver holds it, read with the SDK as s3rver's account. */
    private static ResponseBytes<GetObjectResponse> readObject(String key) {
        try (S3Client client = S3Client.builder().httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(archive.get("flowgate.video.archive.region")))
                .endpointOverride(URI.create(archive.get("flowgate.video.archive.endpoint-override")))
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3rverResource.ACCOUNT, S3rverResource.ACCOUNT)))
                .build()) {
            return client.getObjectAsBytes(request -> request.bucket(S3rverResource.BUCKET).key(key));
        }
    }

    private static byte[] bytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
