package io.flowgate.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * After packaging: serverless.yml deploys what the build made. Its runtime and handler are those of
 * the SAM templates Quarkus writes next to the zip, and the zip holds what that runtime starts: the
 * executable as {@code bootstrap} (native build) or the stream handler's classes (JVM build).
 */
class ServerlessArtifactIT {

    private static final Path TARGET = Path.of("target");

    private final JsonNode native_ = ServerlessYaml.load().resolved();

    /** Failsafe runs this after packaging and sets the property; a {@code -Dtest=…} pattern in surefire does not. */
    @BeforeAll
    static void afterPackagingOnly() {
        assumeTrue(System.getProperty("flowgate.runner.jar") != null, "runs in failsafe, after packaging");
    }

    private final JsonNode jvm = ServerlessYaml.load().resolved(Map.of("variant", "jvm"));

    @Test
    void deploysTheZipTheBuildMade() {
        assertEquals(TARGET.resolve("function.zip"), Path.of(native_.path("package").path("artifact").asText()));
        assertTrue(Files.isRegularFile(TARGET.resolve("function.zip")), "package the application first");
    }

    @Test
    void usesTheRuntimeAndHandlerOfQuarkusJvmTemplate() throws IOException {
        JsonNode function = samFunction("sam.jvm.yaml");

        assertEquals(function.path("Runtime").asText(), jvm.path("provider").path("runtime").asText());
        assertEquals(function.path("Handler").asText(), jvm.path("functions").path("sweep").path("handler").asText());
    }

    @Test
    void usesTheRuntimeOfQuarkusNativeTemplate() throws IOException {
        JsonNode function = samFunction("sam.native.yaml");

        assertEquals(function.path("Runtime").asText(), native_.path("provider").path("runtime").asText());
        assertEquals("true", function.path("Environment").path("Variables").path("DISABLE_SIGNAL_HANDLERS").asText());
        assertEquals("true", native_.path("provider").path("environment").path("DISABLE_SIGNAL_HANDLERS").asText());
    }

    @Test
    void packsWhatTheRuntimeStarts() throws IOException {
        Properties artifact = new Properties();
        try (InputStream in = Files.newInputStream(TARGET.resolve("quarkus-artifact.properties"))) {
            artifact.load(in);
        }
        try (ZipFile zip = new ZipFile(TARGET.resolve("function.zip").toFile())) {
            if (artifact.getProperty("type").equals("native")) {
                assertTrue(zip.getEntry("bootstrap") != null, "the native zip starts ./bootstrap");
            } else {
                assertTrue(zip.getEntry("io/flowgate/functions/SweepFunction.class") != null);
                assertTrue(containsClass(zip, "io/quarkus/amazon/lambda/runtime/QuarkusStreamHandler.class"));
            }
        }
    }

    private static boolean containsClass(ZipFile zip, String className) throws IOException {
        for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
            if (entry.getName().startsWith("lib/") && entry.getName().endsWith(".jar")) {
                try (ZipInputStream jar = new ZipInputStream(zip.getInputStream(entry))) {
                    for (ZipEntry inner = jar.getNextEntry(); inner != null; inner = jar.getNextEntry()) {
                        if (inner.getName().equals(className)) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    private static JsonNode samFunction(String template) throws IOException {
        JsonNode resources = ServerlessYaml.YAML.readTree(TARGET.resolve(template).toFile()).path("Resources");
        return resources.elements().next().path("Properties");
    }
}
