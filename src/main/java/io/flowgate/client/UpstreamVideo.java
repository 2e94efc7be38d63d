package io.flowgate.client;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.OptionalLong;

/**
 * The liveness recording as the vendor sends it: an open stream that the receiver must close, its content
 * type ({@code application/octet-stream} when the vendor names none) and its length when the vendor says.
 */
public record UpstreamVideo(InputStream body, String contentType, OptionalLong length) implements Closeable {

    public static final String UNKNOWN_TYPE = "application/octet-stream";

    @Override
    public void close() throws IOException {
        body.close();
    }
}
