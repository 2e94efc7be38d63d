package io.flowgate.demo;

import io.flowgate.flow.session.SessionLookup;
import io.flowgate.flow.session.SessionView;
import io.flowgate.web.ProblemResponse;
import io.flowgate.web.Problems;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /demo/return?session_id=…}: the demo integrator's return page. It reads the session with
 * {@link SessionLookup} (what getResult answers) and ignores the {@code status} the URL carries, which
 * anyone can type. Dev and test builds only.
 */
@Path("/demo/return")
@IfBuildProperty(name = "flowgate.demo.enabled", stringValue = "true")
public class DemoReturnResource {

    private final SessionLookup lookup;

    DemoReturnResource(SessionLookup lookup) {
        this.lookup = lookup;
    }

    @GET
    public Response show(@QueryParam("session_id") String sessionId, @QueryParam("lang") String lang) {
        DemoText text = DemoText.of(lang);
        String selfPath = "/demo/return?lang=" + text.lang() + "&session_id="
                + URLEncoder.encode(sessionId == null ? "" : sessionId, StandardCharsets.UTF_8);
        try {
            SessionView session = lookup.find(SessionLookup.checkedId(sessionId), null, false, DemoPaths.CALLER);
            return DemoResponses.html(200, DemoReturnPage.render(text, session, selfPath));
        } catch (RuntimeException e) {
            ProblemResponse problem = Problems.forFailure(e, "/demo/return");
            return DemoResponses.html(problem.status(), DemoReturnPage.problem(text, problem.problem(), selfPath));
        }
    }
}
