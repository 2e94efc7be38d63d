package io.flowgate.packaging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The production artifact has no demo endpoints: their classes are there, but Quarkus REST generated
 * no invoker for them (it did for the callback), so no route reaches them.
 */
class DemoLeftOutIT {

    private static final Path JAR = Path.of(System.getProperty("flowgate.runner.jar",
            "target/flowgate-0.1.0-SNAPSHOT-runner.jar"));

    @Test
    void leavesTheDemoRoutesOutOfTheProductionBuild() throws Exception {
        List<String> entries;
        try (JarFile jar = new JarFile(JAR.toFile())) {
            entries = jar.stream().map(JarEntry::getName).toList();
        }

        assertTrue(entries.stream().anyMatch(name -> name.startsWith("io/flowgate/web/CallbackResource$quarkusrestinvoker")),
                "the callback is routed");
        assertFalse(entries.stream().anyMatch(name -> name.startsWith("io/flowgate/demo/") && name.contains("quarkusrestinvoker")),
                "no demo endpoint is routed");
    }
}
