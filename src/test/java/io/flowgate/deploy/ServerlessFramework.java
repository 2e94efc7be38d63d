package io.flowgate.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The Serverless Framework v3 of {@code src/test/serverless} (npm, pinned), run on this project's serverless.yml
 * offline: {@code serverless package} of a variant, as {@code serverless deploy} would package it, without AWS
 * credentials or any network. {@code src/test/serverless/offline.js}, preloaded, stands in for the framework's
 * AWS requests ({@code ${ssm:…}} resolves to {@code offline-ssm:<name>}, {@code ${aws:accountId}} to a documentation
 * account) and makes every other AWS request and network connection fail at once; the child gets no AWS_* variable
 * of ours and a home of its own under target/, so it never reads a developer's AWS profile. Runs {@code npm ci}
 * there first when its {@code node_modules} is missing.
 */
final class ServerlessFramework {

    static final String SERVICE = "flowgate";
    static final String STAGE = "ci";
    static final String REGION = "eu-central-1";

    private static final Path HOME = Path.of("src", "test", "serverless").toAbsolutePath();
    private static final Path CLI = HOME.resolve("node_modules/serverless/bin/serverless.js");
    private static final Path OFFLINE = HOME.resolve("offline.js");
    private static final Path PROJECT = ServerlessYaml.FILE.toAbsolutePath().getParent();
    private static final Path TARGET = PROJECT.resolve("target");
    /** A packaging takes a few seconds; past this the framework is waiting for something it will not get. */
    private static final Duration PACKAGE_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration NPM_CI = Duration.ofMinutes(5);

    private ServerlessFramework() {
    }

    /**
     * Packages each variant ({@code serverless package --stage ci --region eu-central-1 --package
     * target/serverless-<variant> --param=variant=<variant>}), one after the other: the framework builds in
     * {@code .serverless/} of the project (clearing it first) before it moves the result to the package directory,
     * so two at once would trip over each other. The generated templates by variant.
     */
    static Map<String, CloudFormationTemplate> packageVariants(List<String> variants)
            throws IOException, InterruptedException {
        if (!Files.exists(CLI)) {
            npmCi();
        }
        Map<String, CloudFormationTemplate> templates = new LinkedHashMap<>();
        for (String variant : variants) {
            templates.put(variant, packageAs(variant, List.of("variant=" + variant)));
        }
        return templates;
    }

    /**
     * Packages serverless.yml with {@code params} ({@code name=value}, each as {@code --param=}) into
     * {@code target/serverless-<name>}: its template.
     */
    static CloudFormationTemplate packageAs(String name, List<String> params) throws IOException, InterruptedException {
        if (!Files.exists(CLI)) {
            npmCi();
        }
        deleteRecursively(packageDirectory(name));
        Process process = start(name, params);
        try {
            if (!process.waitFor(PACKAGE_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IOException("serverless package " + name + " " + params + " took over " + PACKAGE_TIMEOUT
                        + ": " + tail(log(name)));
            }
        } finally {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            // what a failed packaging leaves; the framework cleared the directory before it began
            deleteRecursively(PROJECT.resolve(".serverless"));
        }
        if (process.exitValue() != 0) {
            throw new IOException("serverless package " + name + " " + params + " failed with exit code "
                    + process.exitValue() + ": " + tail(log(name)));
        }
        return CloudFormationTemplate.read(packageDirectory(name).resolve("cloudformation-template-update-stack.json"),
                SERVICE + "-" + STAGE + "-");
    }

    static Path packageDirectory(String variant) {
        return TARGET.resolve("serverless-" + variant);
    }

    private static Process start(String name, List<String> params) throws IOException {
        List<String> command = new ArrayList<>(List.of("node", "--require", OFFLINE.toString(), CLI.toString(),
                "package", "--stage", STAGE, "--region", REGION, "--package", "target/serverless-" + name));
        params.forEach(param -> command.add("--param=" + param));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(PROJECT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log(name).toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(variable -> variable.startsWith("AWS_") || variable.startsWith("SLS_")
                || variable.equals("SERVERLESS_ACCESS_KEY"));
        Path home = TARGET.resolve("serverless-home");
        Files.createDirectories(home);
        environment.put("HOME", home.toString());
        environment.put("SLS_TELEMETRY_DISABLED", "1");
        environment.put("SLS_NOTIFICATIONS_MODE", "off");
        environment.put("SLS_DISABLE_AUTO_UPDATE", "1");
        return builder.start();
    }

    private static Path log(String variant) {
        return TARGET.resolve("serverless-" + variant + ".log");
    }

    private static void npmCi() throws IOException, InterruptedException {
        Path npmLog = TARGET.resolve("serverless-npm-ci.log");
        Files.createDirectories(TARGET);
        Process npm = new ProcessBuilder(List.of("npm", "ci", "--no-audit", "--no-fund"))
                .directory(HOME.toFile())
                .redirectErrorStream(true)
                .redirectOutput(npmLog.toFile())
                .start();
        if (!npm.waitFor(NPM_CI.toSeconds(), TimeUnit.SECONDS)) {
            npm.destroyForcibly();
            throw new IOException("npm ci in " + HOME + " took over " + NPM_CI + " (log: " + npmLog + ")");
        }
        if (npm.exitValue() != 0 || !Files.exists(CLI)) {
            throw new IOException("npm ci in " + HOME + " failed with exit code " + npm.exitValue()
                    + " (these tests need Node.js 20+ and npm): " + tail(npmLog));
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(directory)) {
            walk.sorted(Comparator.reverseOrder()).forEach(paths::add);
        }
        for (Path path : paths) {
            Files.delete(path);
        }
    }

    private static String tail(Path log) {
        try {
            String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8).strip() : "";
            return text.length() > 3000 ? "..." + text.substring(text.length() - 3000) : text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
