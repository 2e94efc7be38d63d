package io.flowgate.demo;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The demo pages' script and stylesheet, read from the classpath ({@code demo/}, not
 * {@code META-INF/resources/}, so that a production build, which has no demo, serves neither).
 */
@Path("/demo/assets")
@IfBuildProperty(name = "flowgate.demo.enabled", stringValue = "true")
public class DemoAssets {

    private static final String SCRIPT = read("demo/demo.js");
    private static final String STYLESHEET = read("demo/demo.css");

    @GET
    @Path("demo.js")
    public Response script() {
        return Response.ok(SCRIPT, "text/javascript; charset=UTF-8").build();
    }

    @GET
    @Path("demo.css")
    public Response stylesheet() {
        return Response.ok(STYLESHEET, "text/css; charset=UTF-8").build();
    }

    private static String read(String resource) {
        try (InputStream in = DemoAssets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + resource);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
