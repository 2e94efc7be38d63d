package io.flowgate.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.flowgate.testsupport.lambda.PackagedFunction.Artifact;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The production artifact holds no dev code: no class or asset of the sandbox or the demo in the runner jar (nor
 * named in any of its metadata, such as the SnapStart preload list), and no trace of them in the native
 * executable. The build removes them after the tests, before Quarkus packages the application (pom.xml). The
 * default build does not preload classes for SnapStart, and the native zip starts the executable as
 * src/main/zip.native/bootstrap says.
 */
class ProductionArtifactIT {

    private static final Path TARGET = Path.of(System.getProperty("flowgate.target", "target"));
    private static final List<String> DEV_CLASS_NAMES = List.of("io.flowgate.sandbox.", "io.flowgate.demo.",
            "io/flowgate/sandbox/", "io/flowgate/demo/");

    @Test
    void holdsNoClassOrAssetOfTheSandboxOrTheDemo() throws IOException {
        Artifact artifact = Artifact.in(TARGET);
        if (artifact.nativeExecutable() != null) {
            assertEquals(List.of(), devNamesIn(Files.readAllBytes(artifact.nativeExecutable()), "the executable"));
            return;
        }
        List<String> found = new ArrayList<>();
        boolean callbackRouted = false;
        try (JarFile jar = new JarFile(artifact.runnerJar().toFile())) {
            for (JarEntry entry : jar.stream().toList()) {
                String name = entry.getName();
                callbackRouted |= name.startsWith("io/flowgate/web/CallbackResource$quarkusrestinvoker");
                if (name.startsWith("io/flowgate/sandbox/") || name.startsWith("io/flowgate/demo/")
                        || name.startsWith("demo/")) {
                    found.add(name);
                } else if (!name.endsWith(".class") && !entry.isDirectory()) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        found.addAll(devNamesIn(in.readAllBytes(), name));
                    }
                }
            }
        }
        assertEquals(List.of(), found);
        assertTrue(callbackRouted, "the jar is a real build: the callback is routed");
    }

    @Test
    void preloadsClassesForSnapStartOnlyInTheSnapStartBuild() throws IOException {
        Artifact artifact = Artifact.in(TARGET);
        assumeFalse(artifact.isNative(), "SnapStart is for the JVM variant");
        try (JarFile jar = new JarFile(artifact.runnerJar().toFile())) {
            assertNull(jar.getEntry("META-INF/quarkus-generated-preload-classes.txt"),
                    "built without -Dquarkus.snapstart.enabled=true: no class preloading");
        }
    }

    @Test
    void nativeZipStartsTheExecutableThroughItsBootstrap() throws IOException {
        Artifact artifact = Artifact.in(TARGET);
        assumeTrue(artifact.isNative(), "the JVM zip holds classes and lib/");
        try (ZipFile zip = new ZipFile(TARGET.resolve("function.zip").toFile())) {
            assertEquals(List.of("bootstrap", "runner"), zip.stream().map(ZipEntry::getName).sorted().toList());
            try (InputStream in = zip.getInputStream(zip.getEntry("bootstrap"))) {
                assertEquals(Files.readString(Path.of("src/main/zip.native/bootstrap")),
                        new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
    }

    private static List<String> devNamesIn(byte[] content, String where) {
        String text = new String(content, StandardCharsets.ISO_8859_1);
        return DEV_CLASS_NAMES.stream().filter(text::contains).map(name -> where + " names " + name).toList();
    }
}
