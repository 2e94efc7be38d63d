package io.flowgate.sandbox;

import static io.flowgate.sandbox.SandboxHttp.VIDEO;
import static io.flowgate.sandbox.SandboxHttp.createSession;
import static io.flowgate.sandbox.SandboxHttp.key;
import static io.flowgate.sandbox.SandboxHttp.sandbox;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class VideoDownloadTest {

    /** size 32, "ftyp", major brand isom, minor version 0x200, compatible brands isom iso2 avc1 mp41. */
    private static final byte[] FTYP = HexFormat.of().parseHex(
            "00000020" + "66747970" + "69736f6d" + "00000200" + "69736f6d" + "69736f32" + "61766331" + "6d703431");

    @Inject
    Sandbox sandbox;

    private static Response download(String session, String flow) {
        return sandbox().queryParam("session_id", session).queryParam("flow_api_key", key(flow)).get(VIDEO);
    }

    @Test
    void aPersonWhoWentThroughLivenessHasAVideoOf256KiB() {
        String session = createSession("everyone");
        sandbox.complete(session, Map.of());
        Response response = download(session, "everyone");
        response.then().statusCode(200).contentType("video/mp4").header("Content-Length", "262144");
        byte[] video = response.asByteArray();
        assertEquals(262_144, video.length);
        assertArrayEquals(FTYP, Arrays.copyOf(video, 32));
        assertEquals("free", new String(video, 36, 4, StandardCharsets.US_ASCII));
        assertArrayEquals(video, download(session, "everyone").asByteArray(), "deterministic");
    }

    @Test
    void aFailedLivenessStillHasAVideo() {
        String session = createSession("individuals");
        sandbox.complete(session, Map.of("LD", Outcome.FAIL));
        download(session, "individuals").then().statusCode(200).contentType("video/mp4");
    }

    @Test
    void noLivenessGoneThroughMeansNoVideo() {
        String inProgress = createSession("individuals");
        download(inProgress, "individuals").then().statusCode(404).body(equalTo("{\"detail\":\"Video not found.\"}"));
        String skipped = createSession("individuals");
        sandbox.complete(skipped, Map.of("LD", Outcome.SKIP));
        download(skipped, "individuals").then().statusCode(404).body(equalTo("{\"detail\":\"Video not found.\"}"));
    }

    @Test
    void testsSetTheSizeAndAResetRestoresIt() {
        sandbox.videoSize(10);
        String session = createSession("everyone");
        sandbox.complete(session, Map.of());
        byte[] tiny = download(session, "everyone").then().header("Content-Length", "10").extract().asByteArray();
        assertArrayEquals(Arrays.copyOf(FTYP, 10), tiny);
        sandbox.reset();
        String again = createSession("everyone");
        sandbox.complete(again, Map.of());
        download(again, "everyone").then().header("Content-Length", "262144");
    }

    @Test
    void aLargeVideoIsStreamedWhole() throws Exception {
        long size = 48L * 1024 * 1024 + 5;
        sandbox.videoSize(size);
        String session = createSession("everyone");
        sandbox.complete(session, Map.of());
        HttpResponse<InputStream> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + SandboxHttp.port() + VIDEO
                        + "?session_id=" + session + "&flow_api_key=" + key("everyone"))).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        assertEquals(String.valueOf(size), response.headers().firstValue("Content-Length").orElseThrow());
        long count = 0;
        byte[] tail = new byte[0];
        try (InputStream body = response.body()) {
            byte[] buffer = new byte[256 * 1024];
            for (int n; (n = body.read(buffer)) > 0; count += n) {
                tail = Arrays.copyOfRange(buffer, Math.max(0, n - 5), n);
            }
        }
        assertEquals(size, count);
        assertArrayEquals(FakeVideo.bytes(size, size - tail.length, tail.length), tail);
    }

    @Test
    void theSameChecksAsTheResultGuardTheVideo() {
        String session = createSession("everyone");
        sandbox.complete(session, Map.of());
        sandbox().queryParam("session_id", session).get(VIDEO)
                .then().statusCode(400).body(equalTo("{\"flow_api_key\":[\"This field is required.\"]}"));
        download(session, "individuals")
                .then().statusCode(403).body(equalTo("{\"detail\":\"You do not have permission to perform this action.\"}"));
        download("3fa85f64-5717-4562-b3fc-2c963f66afa6", "everyone")
                .then().statusCode(404).body(equalTo("{\"detail\":\"Not found.\"}"));
    }
}
