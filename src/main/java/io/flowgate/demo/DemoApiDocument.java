package io.flowgate.demo;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /demo/openapi.yaml}: the OpenAPI 3.1 document of flowgate's own API ({@code docs/openapi.yaml}, which the
 * build copies to {@code demo/openapi.yaml} on the classpath), for a viewer or a client generator in dev mode. Dev and
 * test builds only, like the rest of the demo; public, as the demo's pages are.
 */
@Path("/demo/openapi.yaml")
@IfBuildProperty(name = "flowgate.demo.enabled", stringValue = "true")
public class DemoApiDocument {

    private static final String DOCUMENT = DemoAssets.read("demo/openapi.yaml");

    @GET
    public Response document() {
        return Response.ok(DOCUMENT, "application/yaml; charset=UTF-8").header("Cache-Control", "no-cache").build();
    }
}
