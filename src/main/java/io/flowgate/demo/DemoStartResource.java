package io.flowgate.demo;

import io.flowgate.config.FlowgateConfig;
import io.flowgate.flow.creation.CreatedSession;
import io.flowgate.flow.creation.SessionCreation;
import io.flowgate.web.ProblemResponse;
import io.flowgate.web.Problems;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.TreeSet;

/**
 * {@code GET /}: the demo integrator's page; {@code POST /demo/start}: its backend, which creates the
 * session server-side (the browser never holds a key) and sends the browser to the vendor with 303.
 * A refused request is shown on the page with its code, field and message. Dev and test builds only.
 */
@Path("/")
@IfBuildProperty(name = "flowgate.demo.enabled", stringValue = "true")
public class DemoStartResource {

    private final SessionCreation sessions;
    private final FlowgateConfig config;

    DemoStartResource(SessionCreation sessions, FlowgateConfig config) {
        this.sessions = sessions;
        this.config = config;
    }

    @GET
    public Response page(@QueryParam("lang") String lang) {
        return DemoResponses.html(200, DemoStartPage.render(DemoText.of(lang), flows(), null, null));
    }

    @POST
    @Path("demo/start")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response start(@FormParam("lang") String lang, @FormParam("flow") String flow, @FormParam("iin") String iin,
            @FormParam("phone") String phone, @FormParam("photo") String photo, @FormParam("locale") String locale) {
        DemoForm form = new DemoForm(flow, iin, phone, photo, locale);
        DemoText text = DemoText.of(lang);
        try {
            CreatedSession created = sessions.create(form.toSessionRequest(returnUrl(locale)), DemoPaths.CALLER);
            return Response.seeOther(URI.create(created.verificationUrl())).header("Cache-Control", "no-store").build();
        } catch (RuntimeException e) {
            ProblemResponse problem = Problems.forFailure(e, "/demo/start");
            DemoForm shown = new DemoForm(flow, iin, phone, null, locale);
            return DemoResponses.html(problem.status(), DemoStartPage.render(text, flows(), shown, problem.problem()));
        }
    }

    private String returnUrl(String locale) {
        return config.publicBaseUrl() + "/demo/return?lang=" + ("en".equals(locale) ? "en" : "ru");
    }

    private TreeSet<String> flows() {
        return new TreeSet<>(config.flows().keySet());
    }
}
