package io.flowgate.testsupport.lambda;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The packaged function as it runs behind API Gateway in Lambda, on 127.0.0.1: {@code instances} processes
 * of the artifact polling one {@link RuntimeApiEmulator}, and an {@link ApiGatewayEmulator} in front that
 * turns HTTP requests into events for them (like an HTTP API with the function's reserved concurrency).
 */
public final class LambdaStack implements AutoCloseable {

    /** API Gateway HTTP APIs give up on an integration after 30 s. */
    public static final long INTEGRATION_TIMEOUT_MS = 30_000;

    private final RuntimeApiEmulator runtimeApi;
    private final ApiGatewayEmulator gateway;
    private final List<PackagedFunction> instances = new ArrayList<>();

    private LambdaStack(long functionTimeoutMs) throws IOException {
        runtimeApi = new RuntimeApiEmulator(functionTimeoutMs);
        gateway = new ApiGatewayEmulator(runtimeApi, INTEGRATION_TIMEOUT_MS);
    }

    /**
     * Starts {@code instances} processes with the configuration {@code configuration} gives for the gateway's
     * base URL (the function's public URL) and waits until each is ready (polls for an event), or fails with
     * its output. Logs go to {@code logDir/instance-N.log}.
     */
    public static LambdaStack start(PackagedFunction.Artifact artifact, int instances, String java, List<String> jvmOptions,
            Function<String, Map<String, String>> configuration, Path logDir, long readyTimeoutMs) throws Exception {
        return start(artifact, instances, java, jvmOptions, configuration, logDir, readyTimeoutMs,
                INTEGRATION_TIMEOUT_MS);
    }

    /**
     * One instance of the artifact last built in {@code target}, on this JVM's {@code java} for a jar, configured as
     * in AWS only through the environment: {@code properties} (given the gateway's base URL, the function's public
     * URL) become environment variables the Quarkus way; each invocation has {@code functionTimeoutMs} to run.
     */
    public static LambdaStack startPackaged(Path target, Function<String, Map<String, String>> properties, Path logDir,
            long functionTimeoutMs) throws Exception {
        return start(PackagedFunction.Artifact.in(target), 1, javaBinary(), List.of(),
                publicUrl -> environmentOf(properties.apply(publicUrl)), logDir, 90_000, functionTimeoutMs);
    }

    /** As {@link #startPackaged(Path, Function, Path, long)}, with API Gateway's integration timeout. */
    public static LambdaStack startPackaged(Path target, Function<String, Map<String, String>> properties, Path logDir)
            throws Exception {
        return startPackaged(target, properties, logDir, INTEGRATION_TIMEOUT_MS);
    }

    /** The {@code java} of the JVM running the tests. */
    public static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Configuration properties as environment variables, the Quarkus way ({@code flowgate.a-b} is FLOWGATE_A_B). */
    public static Map<String, String> environmentOf(Map<String, String> properties) {
        Map<String, String> environment = new HashMap<>();
        properties.forEach((name, value) -> environment.put(
                name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'), value));
        return environment;
    }

    /** As {@link #start(PackagedFunction.Artifact, int, String, List, Function, Path, long)}, each invocation
     * with {@code functionTimeoutMs} to run (its {@code Lambda-Runtime-Deadline-Ms}), as the function's timeout. */
    public static LambdaStack start(PackagedFunction.Artifact artifact, int instances, String java, List<String> jvmOptions,
            Function<String, Map<String, String>> configuration, Path logDir, long readyTimeoutMs,
            long functionTimeoutMs) throws Exception {
        LambdaStack stack = new LambdaStack(functionTimeoutMs);
        try {
            Files.createDirectories(logDir);
            Map<String, String> environment = configuration.apply(stack.gateway.baseUrl());
            // the first alone: it does any one-off setup (e.g. creating the table) before the others start
            for (int i = 1; i <= instances; i++) {
                stack.instances.add(PackagedFunction.start(artifact, java, jvmOptions, stack.runtimeApi.address(),
                        environment, logDir.resolve("instance-" + i + ".log")));
                if (i == 1 || i == instances) {
                    stack.awaitReady(i, readyTimeoutMs);
                }
            }
            return stack;
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
    }

    private void awaitReady(int expected, long timeoutMs) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (runtimeApi.waitingRuntimes() < expected) {
            for (PackagedFunction instance : instances) {
                if (!instance.process().isAlive()) {
                    throw new IllegalStateException("the function exited with " + instance.process().exitValue()
                            + " before it was ready:\n" + instance.output());
                }
            }
            if (runtimeApi.initError().isDone()) {
                throw new IllegalStateException("the function reported an init error: " + runtimeApi.initError().get()
                        + "\n" + instances.get(0).output());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the function was not ready within " + timeoutMs + " ms:\n"
                        + instances.get(instances.size() - 1).output());
            }
            Thread.sleep(50);
        }
    }

    /** Where HTTP clients send their requests. */
    public ApiGatewayEmulator gateway() {
        return gateway;
    }

    /** For raw events (e.g. a schedule's), straight into the function's queue. */
    public RuntimeApiEmulator runtimeApi() {
        return runtimeApi;
    }

    public List<PackagedFunction> instances() {
        return List.copyOf(instances);
    }

    /** Every instance's output, for a failure message. */
    public String output() throws IOException {
        StringBuilder all = new StringBuilder();
        for (PackagedFunction instance : instances) {
            all.append(instance.output());
        }
        return all.toString();
    }

    @Override
    public void close() throws InterruptedException {
        for (PackagedFunction instance : instances) {
            instance.process().destroy();
        }
        for (PackagedFunction instance : instances) {
            instance.close();
        }
        gateway.close();
        runtimeApi.close();
    }
}
