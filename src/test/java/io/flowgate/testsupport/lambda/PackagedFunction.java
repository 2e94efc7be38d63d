package io.flowgate.testsupport.lambda;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One instance of the packaged function, started as Lambda starts it: the native executable of a native
 * build, which polls the Runtime API itself; otherwise the runner jar through AWS's runtime interface client
 * (copied to target/lambda-ric/ at package time) with Quarkus' stream handler, as the managed Java runtime
 * does. Its whole environment is Lambda's plus the configuration given, so nothing of the caller's
 * environment leaks in.
 */
public final class PackagedFunction implements AutoCloseable {

    public static final String HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";
    static final String RUNTIME_CLIENT_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

    private final Process process;
    private final Path log;

    private PackagedFunction(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** What the last build in {@code target} made: the native executable, or the runner jar and its lib/. */
    public record Artifact(Path target, Path nativeExecutable, Path runnerJar, boolean runnerJarByName) {

        /** Reads {@code target/quarkus-artifact.properties}, as Quarkus' own integration tests do. */
        public static Artifact in(Path target) throws IOException {
            Path dir = target.toAbsolutePath().normalize();
            Path properties = dir.resolve("quarkus-artifact.properties");
            if (!Files.exists(properties)) {
                throw new IllegalStateException("no " + properties + ": package the application first (./mvnw package)");
            }
            List<String> lines = Files.readAllLines(properties);
            String path = lines.stream().filter(l -> l.startsWith("path=")).map(l -> l.substring(5)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no path in " + properties));
            Path artifact = dir.resolve(path);
            return lines.contains("type=native") ? new Artifact(dir, artifact, null, false)
                    : new Artifact(dir, null, artifact, false);
        }

        /**
         * The runner jar started from {@code target/} by its file name, its manifest bringing lib/: the class path
         * Quarkus' own AppCDS archive ({@code quarkus.package.jar.appcds.enabled}) was made with.
         */
        public Artifact withRunnerJarByName() {
            return new Artifact(target, nativeExecutable, runnerJar, true);
        }

        public boolean isNative() {
            return nativeExecutable != null;
        }

        /**
         * Where Lambda would unpack the function: the native build's function.zip (its {@code bootstrap} script and
         * the executable as {@code runner}), unpacked by {@code unzip} so that the files keep the modes the zip
         * gives them; again whenever the zip is newer. For a JVM build, {@code target/} itself.
         */
        public synchronized Path taskRoot() throws IOException {
            if (!isNative()) {
                return target;
            }
            Path zip = target.resolve("function.zip");
            Path root = target.resolve("lambda-task");
            if (!Files.exists(zip)) {
                throw new IllegalStateException("no " + zip + ": ./mvnw package -Dnative makes it");
            }
            Path unpacked = root.resolve("bootstrap");
            if (Files.exists(unpacked) && !Files.getLastModifiedTime(unpacked).toInstant()
                    .isBefore(Files.getLastModifiedTime(zip).toInstant())) {
                return root;
            }
            Files.createDirectories(root);
            try {
                Process unzip = new ProcessBuilder("unzip", "-q", "-o", "-DD", zip.toString(), "-d", root.toString())
                        .redirectErrorStream(true).start();
                String output = new String(unzip.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (unzip.waitFor() != 0) {
                    throw new IllegalStateException("unzip " + zip + " failed: " + output);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            return root;
        }

        /** The command that starts one instance, JVM options first for the runner jar. */
        List<String> command(String java, List<String> jvmOptions) throws IOException {
            if (isNative()) {
                List<String> command = new ArrayList<>(List.of(taskRoot().resolve("bootstrap").toString()));
                command.addAll(jvmOptions);
                return command;
            }
            List<String> classpath = new ArrayList<>();
            if (runnerJarByName) {
                classpath.add(runnerJar.getFileName().toString());
            } else {
                classpath.add(runnerJar.toString());
                classpath.addAll(jars(target.resolve("lib")));
            }
            List<String> client = jars(target.resolve("lambda-ric"));
            if (client.stream().noneMatch(j -> j.contains("aws-lambda-java-runtime-interface-client"))) {
                throw new IllegalStateException("no runtime interface client in " + target.resolve("lambda-ric")
                        + ": ./mvnw package copies it there");
            }
            classpath.addAll(client);
            List<String> command = new ArrayList<>();
            command.add(java);
            command.addAll(jvmOptions);
            command.addAll(List.of("-cp", String.join(File.pathSeparator, classpath), RUNTIME_CLIENT_MAIN, HANDLER));
            return command;
        }
    }

    /**
     * Starts one instance polling {@code runtimeApi}, with {@code configuration} (environment variables, the
     * Quarkus way; they may also override Lambda's, e.g. {@code AWS_LAMBDA_FUNCTION_MEMORY_SIZE}) and its output
     * in {@code log}.
     */
    public static PackagedFunction start(Artifact artifact, String java, List<String> jvmOptions, String runtimeApi,
            Map<String, String> configuration, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(artifact.command(java, jvmOptions));
        if (artifact.runnerJarByName()) {
            builder.directory(artifact.target().toFile());
        }
        Map<String, String> env = builder.environment();
        String path = env.get("PATH");
        env.clear();
        env.put("PATH", path == null ? "/usr/bin:/bin" : path);
        env.putAll(lambdaEnvironment(artifact, runtimeApi, log.getFileName().toString()));
        env.putAll(configuration);
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        return new PackagedFunction(builder.start(), log);
    }

    /** What Lambda sets for a function's process. */
    static Map<String, String> lambdaEnvironment(Artifact artifact, String runtimeApi, String stream) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        env.put("_HANDLER", HANDLER);
        env.put("AWS_LAMBDA_FUNCTION_NAME", "flowgate");
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        // the smallest memory serverless.yml gives a function: the native bootstrap bounds the heap by it
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "256");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/flowgate");
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", stream);
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        env.put("AWS_EXECUTION_ENV", artifact.isNative() ? "AWS_Lambda_provided.al2023" : "AWS_Lambda_java21");
        env.put("AWS_REGION", "eu-central-1");
        env.put("AWS_DEFAULT_REGION", "eu-central-1");
        env.put("LAMBDA_TASK_ROOT", artifact.taskRoot().toString());
        env.put("LAMBDA_RUNTIME_DIR", artifact.target().toString());
        env.put("TZ", ":UTC");
        return env;
    }

    public Process process() {
        return process;
    }

    public String output() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /** The process' peak resident set (VmHWM), in kB; -1 when unknown. */
    public long peakRssKb() throws IOException {
        Path status = Path.of("/proc/" + process.pid() + "/status");
        if (!Files.exists(status)) {
            return -1;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    /** SIGTERM (a JVM shuts down cleanly, writing a CDS/AOT archive if asked to), then SIGKILL after 60 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    static List<String> jars(Path dir) throws IOException {
        List<String> jars = new ArrayList<>();
        try (var files = Files.list(dir)) {
            files.filter(p -> p.toString().endsWith(".jar")).map(Path::toString).forEach(jars::add);
        }
        Collections.sort(jars); // a stable order: a CDS/AOT archive requires the same class path
        return jars;
    }
}
