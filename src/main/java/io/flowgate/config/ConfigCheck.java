package io.flowgate.config;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.tls.TlsConfigurationRegistry;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Stops startup when the configuration cannot work, naming each property at fault (never its
 * value). Missing required properties are already reported by Quarkus itself, by name. A packaged
 * artifact (Quarkus' launch mode neither dev nor test, whatever profile is named) is held to
 * {@link ProductionCheck} besides.
 */
public class ConfigCheck {

    static final int MIN_SECRET_LENGTH = 32;
    static final int MIN_PART_SIZE = 5 * 1024 * 1024;
    static final Duration MAX_URL_EXPIRY = Duration.ofDays(7);
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

    void onStart(@Observes StartupEvent event, FlowgateConfig config, TlsConfigurationRegistry tls) {
        List<String> problems = problems(config, name -> tls.get(name).isPresent());
        if (!LaunchMode.current().isDevOrTest()) {
            problems.addAll(ProductionCheck.problems(config));
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("flowgate cannot start: " + String.join("; ", problems));
        }
    }

    /** {@code tlsConfigured}: whether the TLS registry holds a configuration of that name. */
    static List<String> problems(FlowgateConfig config, Predicate<String> tlsConfigured) {
        List<String> problems = new ArrayList<>();
        if (config.flows().isEmpty()) {
            problems.add("configure at least one flow: flowgate.flows.<name>.api-key "
                    + "(environment: FLOWGATE_FLOWS_<NAME>_API_KEY)");
        }
        config.flows().forEach((name, flow) -> {
            if (flow.apiKey().isBlank()) {
                problems.add("flowgate.flows." + name + ".api-key is blank");
            }
            problems.addAll(WebhookCheck.problems(name, flow.webhook()));
        });
        problems.addAll(tokenProblems(config));
        if (config.stateSecret().stream().anyMatch(secret -> secret.length() < MIN_SECRET_LENGTH)) {
            problems.add("flowgate.state-secret must be at least " + MIN_SECRET_LENGTH + " characters"
                    + (config.stateSecret().size() > 1 ? " (each of its " + config.stateSecret().size() + " secrets)"
                            : ""));
        }
        if (!isHttpUrl(config.publicBaseUrl())) {
            problems.add("flowgate.public-base-url must be an absolute http(s) URL");
        }
        if (!isHttpUrl(config.upstream().apiUrl())) {
            problems.add("flowgate.upstream.api-url must be an absolute http(s) URL");
        }
        if (config.upstream().tlsConfigurationName().filter(tlsConfigured.negate()).isPresent()) {
            problems.add("flowgate.upstream.tls-configuration-name names a TLS configuration that is not configured "
                    + "(quarkus.tls.<name>.*)");
        }
        if (!isHttpUrl(config.upstream().flowUrl())) {
            problems.add("flowgate.upstream.flow-url must be an absolute http(s) URL");
        }
        if (!Set.of("ru", "en").contains(config.defaultLocale())) {
            problems.add("flowgate.default-locale must be ru or en");
        }
        VideoConfig.Archive archive = config.video().archive();
        if (archive.partSize() < MIN_PART_SIZE) {
            problems.add("flowgate.video.archive.part-size must be at least " + MIN_PART_SIZE + " bytes (S3's minimum)");
        }
        if (archive.urlExpiry().isNegative() || archive.urlExpiry().isZero()
                || archive.urlExpiry().compareTo(MAX_URL_EXPIRY) > 0) {
            problems.add("flowgate.video.archive.url-expiry must be more than 0 and at most 7 days");
        }
        return problems;
    }

    private static List<String> tokenProblems(FlowgateConfig config) {
        List<String> problems = new ArrayList<>();
        if (config.auth().tokens().isEmpty()) {
            problems.add("configure at least one caller: flowgate.auth.tokens.<caller>.sha256 "
                    + "(environment: FLOWGATE_AUTH_TOKENS_<CALLER>_SHA256)");
        }
        config.auth().tokens().forEach((caller, token) -> {
            if (token.flows().isEmpty()) {
                problems.add("flowgate.auth.tokens." + caller + ".flows is required: the flows this caller may use, "
                        + "comma-separated, or * for every flow (environment: FLOWGATE_AUTH_TOKENS_"
                        + caller.toUpperCase(Locale.ROOT).replace('-', '_') + "_FLOWS)");
            }
            if (!SHA256_HEX.matcher(token.sha256()).matches()) {
                problems.add("flowgate.auth.tokens." + caller + ".sha256 must be 64 hexadecimal characters");
            }
            for (String flow : token.flows().orElse(List.of())) {
                if (!"*".equals(flow) && !config.flows().containsKey(flow)) {
                    problems.add("flowgate.auth.tokens." + caller + ".flows names a flow that is not configured");
                }
            }
        });
        return problems;
    }

    static boolean isHttpUrl(String value) {
        try {
            URI uri = URI.create(value);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
