package io.flowgate.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The script Lambda starts for the native build (src/main/zip.native/bootstrap, stored in function.zip beside the
 * executable as {@code runner}): the options it gives the executable, run with sh against a stand-in runner that
 * prints them.
 */
class NativeBootstrapTest {

    private static final Path BOOTSTRAP = Path.of("src/main/zip.native/bootstrap");

    @TempDir
    Path task;

    @Test
    void boundsTheHeapToHalfTheFunctionsMemory() throws Exception {
        assertEquals("-Xmx128m -Xmn8m", run(Map.of("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "256")));
        assertEquals("-Xmx256m -Xmn8m", run(Map.of("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512")));
        assertEquals("-Xmx512m -Xmn8m", run(Map.of("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024")));
    }

    @Test
    void assumesTheSmallestMemoryWhenLambdaDoesNotSayIt() throws Exception {
        assertEquals("-Xmx128m -Xmn8m", run(Map.of()));
    }

    @Test
    void takesTheOperatorsOptionsInstead() throws Exception {
        assertEquals("-Xmx96m -Xmn16m", run(Map.of("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512",
                "FLOWGATE_NATIVE_OPTIONS", "-Xmx96m -Xmn16m")));
    }

    @Test
    void isExecutable() {
        assertEquals(true, Files.isExecutable(BOOTSTRAP), "Lambda starts it as it is");
    }

    private String run(Map<String, String> environment) throws IOException, InterruptedException {
        Path bootstrap = Files.copy(BOOTSTRAP, task.resolve("bootstrap"), StandardCopyOption.REPLACE_EXISTING);
        Path runner = task.resolve("runner");
        Files.writeString(runner, "#!/bin/sh\necho \"$@\"\n");
        Files.setPosixFilePermissions(runner, PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessBuilder builder = new ProcessBuilder("sh", bootstrap.toString()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        String path = env.get("PATH");
        env.clear();
        env.put("PATH", path == null ? "/usr/bin:/bin" : path);
        env.putAll(new HashMap<>(environment));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, process.waitFor(), output);
        return output;
    }
}
