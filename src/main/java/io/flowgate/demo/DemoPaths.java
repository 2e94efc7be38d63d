package io.flowgate.demo;

import io.flowgate.flow.session.Caller;
import io.flowgate.web.auth.PublicRoutes;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The demo's pages are public (they play the integrator's own site, dev and test builds only); its backend
 * calls flowgate's domain directly as an internal caller, as an integrator's backend would with its token.
 */
@ApplicationScoped
@IfBuildProperty(name = "flowgate.demo.enabled", stringValue = "true")
public class DemoPaths implements PublicRoutes.PublicPaths {

    static final Caller CALLER = Caller.internal("demo");

    @Override
    public List<String> paths() {
        return List.of("/", "/demo/*");
    }
}
