package io.flowgate.demo;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** How the demo answers with a page: UTF-8 HTML, never cached, scripts and styles from itself only. */
final class DemoResponses {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; base-uri 'none'";

    private DemoResponses() {
    }

    static Response html(int status, String html) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .entity(html).build();
    }
}
