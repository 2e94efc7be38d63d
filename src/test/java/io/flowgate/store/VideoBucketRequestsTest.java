package io.flowgate.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.flowgate.config.FlowgateConfig;
import io.flowgate.config.VideoConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The requests of the archive's upload, as a real HTTP server on loopback receives them: the multipart upload's
 * server-side encryption, its parts' sizes (never an empty last part), and the abort of a failed upload.
 */
class VideoBucketRequestsTest {

    private static final int PART = 5 * 1024 * 1024;

    private final List<Recorded> requests = Collections.synchronizedList(new ArrayList<>());
    private HttpServer server;
    private volatile int failPart;

    record Recorded(String method, String path, String query, String encryption, String contentType, long length) {
    }

    @BeforeEach
    void start() throws IOException {
        System.setProperty("aws.accessKeyId", "S3RVER");
        System.setProperty("aws.secretAccessKey", "S3RVER");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void encryptsTheUploadAndSendsFullPartsThenTheRest() {
        bucket().upload("s-1", new ByteArrayInputStream(new byte[2 * PART + 123]), "video/mp4");

        Recorded create = requests.get(0);
        assertEquals("POST /bucket/videos/s-1 uploads", create.method() + " " + create.path() + " " + create.query());
        assertEquals("AES256", create.encryption());
        assertEquals("video/mp4", create.contentType());
        assertEquals(List.of((long) PART, (long) PART, 123L), partLengths());
        assertTrue(requests.get(requests.size() - 1).query().startsWith("uploadId=u-1"));
        assertEquals("POST", requests.get(requests.size() - 1).method());
    }

    @Test
    void sendsNoEmptyPartForAVideoOfWholeParts() {
        bucket().upload("s-1", new ByteArrayInputStream(new byte[2 * PART]), "video/mp4");

        assertEquals(List.of((long) PART, (long) PART), partLengths());
    }

    @Test
    void abortsTheUploadWhenAPartFails() {
        failPart = 2;

        assertThrows(RuntimeException.class,
                () -> bucket().upload("s-1", new ByteArrayInputStream(new byte[3 * PART]), "video/mp4"));

        Recorded last = requests.get(requests.size() - 1);
        assertEquals("DELETE /bucket/videos/s-1 uploadId=u-1", last.method() + " " + last.path() + " " + last.query());
    }

    private List<Long> partLengths() {
        return requests.stream().filter(r -> r.method().equals("PUT")).map(Recorded::length).toList();
    }

    private void answer(HttpExchange exchange) throws IOException {
        long length = exchange.getRequestBody().readAllBytes().length;
        String query = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
        requests.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), query,
                exchange.getRequestHeaders().getFirst("x-amz-server-side-encryption"),
                exchange.getRequestHeaders().getFirst("Content-Type"), length));
        String method = exchange.getRequestMethod();
        if (method.equals("POST") && query.equals("uploads")) {
            reply(exchange, 200, "<InitiateMultipartUploadResult><Bucket>bucket</Bucket><Key>videos/s-1</Key>"
                    + "<UploadId>u-1</UploadId></InitiateMultipartUploadResult>");
        } else if (method.equals("PUT") && query.contains("partNumber=" + failPart + "&")) {
            reply(exchange, 400, "<Error><Code>InvalidPart</Code><Message>no</Message></Error>");
        } else if (method.equals("PUT")) {
            exchange.getResponseHeaders().add("ETag", "\"etag-" + requests.size() + "\"");
            reply(exchange, 200, "");
        } else if (method.equals("POST")) {
            reply(exchange, 200, "<CompleteMultipartUploadResult><Bucket>bucket</Bucket><Key>videos/s-1</Key>"
                    + "<ETag>\"done\"</ETag></CompleteMultipartUploadResult>");
        } else {
            reply(exchange, 204, null);
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, body == null ? -1 : bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private VideoBucket bucket() {
        String endpoint = "http://127.0.0.1:" + server.getAddress().getPort();
        return new VideoBucket(new VideoConfig.Archive() {
            @Override
            public Optional<String> bucket() {
                return Optional.of("bucket");
            }

            @Override
            public Duration urlExpiry() {
                return Duration.ofMinutes(5);
            }

            @Override
            public int partSize() {
                return PART;
            }

            @Override
            public int maxAttempts() {
                return 8;
            }

            @Override
            public Duration initialBackoff() {
                return Duration.ofMinutes(1);
            }

            @Override
            public Optional<String> region() {
                return Optional.of("us-east-1");
            }

            @Override
            public Optional<String> endpointOverride() {
                return Optional.of(endpoint);
            }

            @Override
            public boolean pathStyleAccess() {
                return true;
            }
        });
    }
}
