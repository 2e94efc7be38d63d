package io.flowgate.config.ssm;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.logging.Logger;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * flowgate's parameters in SSM as a configuration source, when {@code flowgate.ssm.path} is set (serverless.yml sets
 * {@code FLOWGATE_SSM_PATH} on every function); unset, nothing is read. Registered in
 * META-INF/services/io.smallrye.config.ConfigSourceFactory and not static-init safe, so Quarkus calls it once per
 * process, at runtime init, before CDI: it reads its own settings from the sources below it (environment, system
 * properties, application.properties). Its ordinal, {@value #ORDINAL}, puts it above application.properties (250) and
 * below environment variables (300) and system properties (400): a function's own environment can still override one
 * value. The log says how many parameters were read, from which path, and their property names; never a value.
 */
public class SsmConfigSourceFactory implements ConfigSourceFactory {

    /** Between application.properties (250) and the environment (300). */
    public static final int ORDINAL = 270;

    private static final Logger LOG = Logger.getLogger(SsmConfigSourceFactory.class);

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        Optional<String> path = value(context, "flowgate.ssm.path");
        if (path.isEmpty()) {
            return List.of();
        }
        ParameterPath parameterPath = ParameterPath.of(path.get());
        Duration timeout = value(context, "flowgate.ssm.timeout").map(DurationConverter::parseDuration)
                .orElse(Duration.ofSeconds(5));
        long start = System.nanoTime();
        Map<String, String> properties;
        try (DefaultCredentialsProvider credentials = DefaultCredentialsProvider.builder().build()) {
            SsmParameters ssm = new SsmParameters(value(context, "flowgate.ssm.region").map(Region::of),
                    value(context, "flowgate.ssm.endpoint-override").map(URI::create), credentials, timeout);
            properties = parameterPath.properties(ssm.read(parameterPath));
        }
        LOG.infof("config.ssm.read path=%s parameters=%d ms=%d properties=%s", parameterPath, properties.size(),
                (System.nanoTime() - start) / 1_000_000, String.join(",", properties.keySet()));
        return List.of(new MapBackedConfigSource("SsmConfigSource[path=" + parameterPath + "]", properties, ORDINAL) {
        });
    }

    private static Optional<String> value(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return Optional.ofNullable(value == null ? null : value.getValue()).filter(v -> !v.isBlank());
    }
}
