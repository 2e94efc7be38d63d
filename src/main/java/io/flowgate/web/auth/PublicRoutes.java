package io.flowgate.web.auth;

import io.quarkus.runtime.LaunchMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The only routes answered without a caller's token. Everything else, known route or not, needs one.
 */
@ApplicationScoped
public class PublicRoutes {

    /**
     * {@code /callback}: the customer's browser, which holds no credentials; it relies on the signed state. (The
     * scheduled functions are invoked directly, by their schedules: see {@link TokenAuthentication}.)
     */
    private static final Set<String> PATHS = Set.of("/callback");

    private final List<String> contributed = new ArrayList<>();

    PublicRoutes(Instance<PublicPaths> features) {
        features.forEach(paths -> contributed.addAll(paths.paths()));
        if (LaunchMode.current() == LaunchMode.DEVELOPMENT) {
            contributed.add("/q/*");
        }
    }

    public boolean isPublic(String path) {
        if (path == null) {
            return false;
        }
        if (PATHS.contains(path)) {
            return true;
        }
        for (String pattern : contributed) {
            boolean matches = pattern.endsWith("/*")
                    ? path.startsWith(pattern.substring(0, pattern.length() - 1))
                    : path.equals(pattern);
            if (matches) {
                return true;
            }
        }
        return false;
    }

    /** Paths a build-time feature (the dev demo) adds to the public ones: exact, or a prefix as {@code /a/*}. */
    public interface PublicPaths {
        List<String> paths();
    }
}
