package io.flowgate.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * s3rver, an S3-compatible server on Node.js, on a free loopback port with the bucket {@value #BUCKET}, for the
 * video archive tests; installed from {@code src/test/s3rver/package.json} like {@link DynaliteResource}, and
 * failing (never skipping) the same way. s3rver checks request signatures against its one account,
 * {@code S3RVER}/{@code S3RVER}: the SDK's default credential chain finds them in the {@code aws.accessKeyId} and
 * {@code aws.secretAccessKey} system properties, which this sets.
 */
public class S3rverResource implements QuarkusTestResourceLifecycleManager {

    public static final String BUCKET = "flowgate-videos-test";
    /** s3rver's one account: its access key id and its secret access key. */
    public static final String ACCOUNT = "S3RVER";

    private final NodeServer server = new NodeServer("s3rver", "s3rver/bin/s3rver.js");

    /** The archive settings that point flowgate at a server on {@code port}. */
    public static Map<String, String> archiveConfig(int port) {
        return Map.of(
                "flowgate.video.archive.bucket", BUCKET,
                "flowgate.video.archive.endpoint-override", endpoint(port),
                "flowgate.video.archive.path-style-access", "true",
                "flowgate.video.archive.region", "us-east-1");
    }

    public static String endpoint(int port) {
        return "http://" + NodeServer.LOOPBACK + ":" + port;
    }

    @Override
    public Map<String, String> start() {
        try {
            Path data = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "s3rver-");
            int port = server.start(List.of("--directory", data.toString(), "--address", NodeServer.LOOPBACK,
                    "--port", "{port}", "--silent", "--configure-bucket", BUCKET));
            System.setProperty("aws.accessKeyId", ACCOUNT);
            System.setProperty("aws.secretAccessKey", ACCOUNT);
            return archiveConfig(port);
        } catch (IOException | RuntimeException e) {
            server.stop();
            throw new IllegalStateException(server.cannotStart("the S3 server of the video archive tests",
                    e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.stop();
            throw new IllegalStateException(server.cannotStart("the S3 server of the video archive tests",
                    "interrupted"), e);
        }
    }

    @Override
    public void stop() {
        server.stop();
    }
}
