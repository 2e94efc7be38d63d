package io.flowgate.store;

import io.flowgate.config.FlowgateConfig;
import io.flowgate.config.VideoConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The video archive in S3 ({@code flowgate.video.archive.*}): uploads a video as it streams in, a multipart
 * upload of parts of {@code part-size} bytes, so at most one part is held in memory whatever the video's size,
 * each object encrypted at rest by S3 (SSE-S3, AES-256); and signs short-lived GET URLs. The object key is
 * {@code videos/<sessionId>}. The client is built on first use, so a deployment without a bucket never creates
 * one. Credentials come from the SDK's default chain (the function's role in Lambda).
 */
@ApplicationScoped
public class VideoBucket {

    /** The prefix of every video's key; the bucket's lifecycle rule names it. */
    public static final String KEY_PREFIX = "videos/";

    private final VideoConfig.Archive config;
    private volatile S3Client s3;
    private volatile S3Presigner presigner;

    @Inject
    VideoBucket(FlowgateConfig config) {
        this(config.video().archive());
    }

    VideoBucket(VideoConfig.Archive config) {
        this.config = config;
    }

    /** Whether an archive bucket is configured. */
    public boolean enabled() {
        return config.bucket().isPresent();
    }

    public static String key(String sessionId) {
        return KEY_PREFIX + sessionId;
    }

    /** Copies {@code video} to {@code videos/<sessionId>}, reading it to its end; the caller closes it. */
    public void upload(String sessionId, InputStream video, String contentType) {
        S3Client client = client();
        String bucket = bucket();
        String key = key(sessionId);
        String uploadId = client.createMultipartUpload(request -> request.bucket(bucket).key(key)
                .contentType(contentType).serverSideEncryption(ServerSideEncryption.AES256)).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            byte[] buffer = new byte[config.partSize()];
            PushbackInputStream in = new PushbackInputStream(video, 1);
            boolean more = true;
            while (more) {
                int length = fill(in, buffer);
                more = length == buffer.length && !atEnd(in);
                int number = parts.size() + 1;
                String etag = client.uploadPart(request -> request.bucket(bucket).key(key).uploadId(uploadId)
                        .partNumber(number).contentLength((long) length),
                        RequestBody.fromInputStream(new ByteArrayInputStream(buffer, 0, length), length)).eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
            }
            client.completeMultipartUpload(request -> request.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(upload -> upload.parts(parts)));
        } catch (IOException | RuntimeException failure) {
            abort(client, bucket, key, uploadId);
            if (failure instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw (RuntimeException) failure;
        }
    }

    /**
     * Deletes {@code videos/<sessionId>} (redaction). S3 answers a delete of a key that does not exist as a success,
     * so this is safe to repeat; on a versioned bucket it would only add a delete marker (flowgate's bucket is not
     * versioned).
     */
    public void delete(String sessionId) {
        client().deleteObject(request -> request.bucket(bucket()).key(key(sessionId)));
    }

    /** A GET URL for the archived video, valid for {@code flowgate.video.archive.url-expiry}. Short-lived: never log it. */
    public URL presignedGet(String sessionId) {
        return presigner().presignGetObject(request -> request.signatureDuration(config.urlExpiry())
                .getObjectRequest(get -> get.bucket(bucket()).key(key(sessionId)))).url();
    }

    public Duration urlExpiry() {
        return config.urlExpiry();
    }

    /** Reads until {@code buffer} is full or the stream ends; the number of bytes read. */
    private static int fill(InputStream in, byte[] buffer) throws IOException {
        int filled = 0;
        while (filled < buffer.length) {
            int read = in.read(buffer, filled, buffer.length - filled);
            if (read < 0) {
                break;
            }
            filled += read;
        }
        return filled;
    }

    private static boolean atEnd(PushbackInputStream in) throws IOException {
        int next = in.read();
        if (next < 0) {
            return true;
        }
        in.unread(next);
        return false;
    }

    private static void abort(S3Client client, String bucket, String key, String uploadId) {
        try {
            client.abortMultipartUpload(request -> request.bucket(bucket).key(key).uploadId(uploadId));
        } catch (RuntimeException ignored) {
            // the bucket's lifecycle rule removes incomplete uploads after a day
        }
    }

    private String bucket() {
        return config.bucket().orElseThrow(() -> new IllegalStateException("no flowgate.video.archive.bucket"));
    }

    private S3Client client() {
        S3Client client = s3;
        if (client == null) {
            synchronized (this) {
                if (s3 == null) {
                    // Checksums only where an operation requires them, and no aws-chunked bodies: each part is
                    // sent as it is, with its length, which S3 and S3-compatible servers all read alike.
                    S3ClientBuilder builder = S3Client.builder().httpClient(UrlConnectionHttpClient.create())
                            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                            .serviceConfiguration(s3Configuration().toBuilder().chunkedEncodingEnabled(false).build());
                    config.region().map(Region::of).ifPresent(builder::region);
                    config.endpointOverride().map(URI::create).ifPresent(builder::endpointOverride);
                    s3 = builder.build();
                }
                client = s3;
            }
        }
        return client;
    }

    private S3Presigner presigner() {
        S3Presigner signer = presigner;
        if (signer == null) {
            synchronized (this) {
                if (presigner == null) {
                    S3Presigner.Builder builder = S3Presigner.builder().serviceConfiguration(s3Configuration());
                    config.region().map(Region::of).ifPresent(builder::region);
                    config.endpointOverride().map(URI::create).ifPresent(builder::endpointOverride);
                    presigner = builder.build();
                }
                signer = presigner;
            }
        }
        return signer;
    }

    private S3Configuration s3Configuration() {
        return S3Configuration.builder().pathStyleAccessEnabled(config.pathStyleAccess()).build();
    }

    @PreDestroy
    void close() {
        if (s3 != null) {
            s3.close();
        }
        if (presigner != null) {
            presigner.close();
        }
    }
}
