package io.flowgate.testsupport.lambda;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
