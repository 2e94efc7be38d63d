package io.flowgate.demo;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.file.Files;

/**
 * {@code GET /demo/openapi.yaml}: the OpenAPI 3.1 document of flowgate's own API, {@code docs/openapi.yaml}, for a
 * viewer or a client generator in dev mode. Read from the project's directory, where dev mode and the tests run, on
 * every request (an edit shows at once); not copied into the build, so that no artifact holds it. Dev and test builds
 * only, like the rest of the demo; public, as the demo's pages are.
 */
@Path("/demo/openapi.yaml")
@IfBuildProperty(name = "flowgate.demo.enabled", stringValue = "true")
public class DemoApiDocument {

    static final java.nio.file.Path DOCUMENT = java.nio.file.Path.of("docs", "openapi.yaml");

    @GET
    public Response document() throws IOException {
        if (!Files.isRegularFile(DOCUMENT)) {
            return Response.status(404).type("text/plain; charset=UTF-8")
                    .entity("No docs/openapi.yaml in " + java.nio.file.Path.of("").toAbsolutePath()
                            + ": run dev mode from the project's directory.")
                    .build();
        }
        return Response.ok(Files.readString(DOCUMENT), "application/yaml; charset=UTF-8")
                .header("Cache-Control", "no-cache").build();
    }
}
