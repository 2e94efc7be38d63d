package io.flowgate.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.tls.TlsConfiguration;
import io.quarkus.tls.TlsConfigurationRegistry;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which TLS configuration of the registry the vendor connection gets. */
class UpstreamTlsSelectionTest {

    private static final String DEFAULT = "<default>";

    private final Map<String, TlsConfiguration> configured = new HashMap<>();
    private final TlsConfigurationRegistry registry = new TlsConfigurationRegistry() {
        public Optional<TlsConfiguration> get(String name) {
            return Optional.ofNullable(configured.get(name));
        }

        public Optional<TlsConfiguration> getDefault() {
            return get(DEFAULT);
        }

        public void register(String name, TlsConfiguration configuration) {
            configured.put(name, configuration);
        }
    };

    @Test
    void takesTheNamedConfigurationOverTheDefault() {
        TlsConfiguration vendor = configuration("vendor");
        configured.put("vendor", vendor);
        configured.put(DEFAULT, configuration(DEFAULT));

        assertEquals(Optional.of(vendor), FlowRemoteClient.tlsConfiguration(Optional.of("vendor"), registry));
    }

    @Test
    void takesTheDefaultConfigurationWhenNoneIsNamed() {
        TlsConfiguration standard = configuration(DEFAULT);
        configured.put(DEFAULT, standard);
        configured.put("vendor", configuration("vendor"));

        assertEquals(Optional.of(standard), FlowRemoteClient.tlsConfiguration(Optional.empty(), registry));
    }

    @Test
    void leavesTheJvmsTrustWhenNothingIsConfigured() {
        assertEquals(Optional.empty(), FlowRemoteClient.tlsConfiguration(Optional.empty(), registry));
    }

    @Test
    void refusesANameThatNoConfigurationHas() {
        configured.put(DEFAULT, configuration(DEFAULT));

        assertThrows(IllegalStateException.class,
                () -> FlowRemoteClient.tlsConfiguration(Optional.of("vendor"), registry));
    }

    /** A configuration that only knows its name (identity is all these tests compare). */
    private static TlsConfiguration configuration(String name) {
        return (TlsConfiguration) Proxy.newProxyInstance(TlsConfiguration.class.getClassLoader(),
                new Class<?>[] {TlsConfiguration.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getName", "toString" -> name;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
