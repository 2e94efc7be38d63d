package io.flowgate.client;

import io.vertx.core.http.HttpClientResponse;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.jboss.resteasy.reactive.client.impl.ClientRequestContextImpl;

/**
 * Gives the video download's stream a {@code close} that drops the vendor's connection when the body is not read to
 * its end. The REST Client's own {@code close} reads the rest of the body and throws it away (to keep the connection
 * for another request): of a video refused for its size, that is every byte of it, fetched for nothing.
 */
final class VideoConnectionDrop implements ClientResponseFilter {

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        if (request instanceof ClientRequestContextImpl quarkus && response.hasEntity()) {
            HttpClientResponse connection = quarkus.getRestClientRequestContext().getVertxClientResponse();
            if (connection != null) {
                response.setEntityStream(new Dropping(response.getEntityStream(), connection));
            }
        }
    }

    /** Passes reads through; closed before its end, resets the request, which closes an HTTP/1.1 connection. */
    private static final class Dropping extends FilterInputStream {

        private final HttpClientResponse connection;
        private boolean ended;

        Dropping(InputStream body, HttpClientResponse connection) {
            super(body);
            this.connection = connection;
        }

        @Override
        public int read() throws IOException {
            int read = super.read();
            ended |= read < 0;
            return read;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            ended |= read < 0;
            return read;
        }

        @Override
        public void close() throws IOException {
            if (!ended) {
                connection.request().reset();
            }
            super.close();
        }
    }
}
