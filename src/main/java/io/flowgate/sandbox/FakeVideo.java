package io.flowgate.sandbox;

import io.quarkus.arc.properties.IfBuildProperty;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import jakarta.inject.Singleton;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The liveness "video": deterministic bytes shaped like an MP4 file (an {@code ftyp} box, a
 * {@code free} box saying what it is, then an {@code mdat} box of patterned filler), of a size tests
 * may set, with its length or chunked. Streamed in chunks with back-pressure, never held whole in memory, counting
 * the bytes it hands to the connection (so tests can tell how much of it a reader took).
 */
@Singleton
@IfBuildProperty(name = "flowgate.sandbox.enabled", stringValue = "true")
public class FakeVideo {

    public static final long DEFAULT_SIZE = 256 * 1024;
    static final String CONTENT_TYPE = "video/mp4";
    private static final int CHUNK = 64 * 1024;
    private static final byte[] FTYP = box("ftyp", ascii("isom"), new byte[] {0, 0, 2, 0},
            ascii("isom"), ascii("iso2"), ascii("avc1"), ascii("mp41"));
    private static final byte[] FREE = box("free", ascii("flowgate sandbox: not a real video"));

    private volatile long size = DEFAULT_SIZE;
    private volatile boolean lengthKnown = true;
    private final AtomicLong sent = new AtomicLong();

    public long size() {
        return size;
    }

    public void size(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("negative size");
        }
        size = bytes;
    }

    /** Whether the download says its length ({@code Content-Length}) or is sent chunked, its length unknown. */
    public void lengthKnown(boolean known) {
        lengthKnown = known;
    }

    /** The bytes handed to the connection, for every download since the last {@link #resetCount()}. */
    public long bytesSent() {
        return sent.get();
    }

    public void resetCount() {
        sent.set(0);
    }

    /** The bytes from {@code offset}, {@code length} of them, of a video of {@code total} bytes. */
    static byte[] bytes(long total, long offset, int length) {
        byte[] header = header(total);
        byte[] chunk = new byte[length];
        for (int i = 0; i < length; i++) {
            long position = offset + i;
            chunk[i] = position < header.length ? header[(int) position] : (byte) (position * 31 + 7);
        }
        return chunk;
    }

    void stream(HttpServerResponse response) {
        long total = size;
        response.setStatusCode(200).putHeader("Content-Type", CONTENT_TYPE);
        if (lengthKnown) {
            response.putHeader("Content-Length", Long.toString(total));
        } else {
            response.setChunked(true);
        }
        writeFrom(response, total, 0);
    }

    private void writeFrom(HttpServerResponse response, long total, long offset) {
        long position = offset;
        while (position < total) {
            if (response.closed()) {
                return;
            }
            if (response.writeQueueFull()) {
                long resumeAt = position;
                response.drainHandler(ignored -> writeFrom(response, total, resumeAt));
                return;
            }
            int length = (int) Math.min(CHUNK, total - position);
            response.write(Buffer.buffer(bytes(total, position, length)));
            sent.addAndGet(length);
            position += length;
        }
        response.end();
    }

    private static byte[] header(long total) {
        long mdatSize = Math.min(0xFFFF_FFFFL, Math.max(8, total - FTYP.length - FREE.length));
        return ByteBuffer.allocate(FTYP.length + FREE.length + 8)
                .put(FTYP).put(FREE).putInt((int) mdatSize).put(ascii("mdat")).array();
    }

    private static byte[] box(String type, byte[]... parts) {
        int length = 8;
        for (byte[] part : parts) {
            length += part.length;
        }
        ByteBuffer box = ByteBuffer.allocate(length).putInt(length).put(ascii(type));
        for (byte[] part : parts) {
            box.put(part);
        }
        return box.array();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
