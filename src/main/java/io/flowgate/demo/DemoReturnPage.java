package io.flowgate.demo;

import io.flowgate.flow.decision.Decision;
import io.flowgate.flow.session.SessionView;
import io.flowgate.web.Html;
import io.flowgate.web.Problem;

/**
 * The demo integrator's return page: what getResult says of the session, never what the returning
 * URL claims. Stable hooks: {@code id="demo-return"} with {@code data-status} and {@code data-outcome},
 * {@code id="status"}, {@code id="outcome"}, {@code id="reasons"}, {@code id="technologies"} (one
 * row per code, {@code data-code} and {@code data-received}); on failure {@code id="problem"}.
 */
final class DemoReturnPage {

    private DemoReturnPage() {
    }

    static String render(DemoText text, SessionView session, String selfPath) {
        Decision decision = session.decision();
        String main = """
                <main id="demo-return" data-status="%s" data-outcome="%s">
                <h1>%s</h1>
                <dl>
                <dt>%s</dt><dd id="status" class="status-%s">%s</dd>
                <dt>%s</dt><dd id="outcome" class="outcome-%s">%s</dd>
                </dl>
                %s
                <h2>%s</h2>
                <table id="technologies">%s</table>
                <p class="actions">%s<a id="again" href="/?lang=%s">%s</a></p>
                </main>
                """.formatted(Html.escape(session.status()), decision == null ? "" : Html.escape(decision.outcome()),
                Html.escape(text.resultTitle()), Html.escape(text.status()), Html.escape(session.status()),
                Html.escape(text.status(session.status())), Html.escape(text.decision()),
                decision == null ? "none" : Html.escape(decision.outcome()),
                decision == null ? Html.escape(text.noDecision()) : Html.escape(text.outcome(decision.outcome())),
                reasons(text, decision), Html.escape(text.technologies()), technologies(text, session),
                decision == null ? "<a id=\"refresh\" href=\"" + Html.escape(selfPath) + "\">" + Html.escape(text.refresh())
                        + "</a> " : "",
                text.lang(), Html.escape(text.again()));
        return DemoLayout.page(text, switched(selfPath, text), main);
    }

    static String problem(DemoText text, Problem problem, String selfPath) {
        String main = """
                <main id="demo-return">
                <h1>%s</h1>
                <section id="problem" class="problem" data-code="%s" role="alert"><p><code>%s</code></p><p>%s</p></section>
                <p class="actions"><a id="again" href="/?lang=%s">%s</a></p>
                </main>
                """.formatted(Html.escape(text.notFoundTitle()), Html.escape(problem.code()), Html.escape(problem.code()),
                Html.escape(problem.detail()), text.lang(), Html.escape(text.again()));
        return DemoLayout.page(text, switched(selfPath, text), main);
    }

    private static String reasons(DemoText text, Decision decision) {
        if (decision == null || decision.reasons().isEmpty()) {
            return "";
        }
        StringBuilder items = new StringBuilder();
        for (String reason : decision.reasons()) {
            items.append("<li><code>").append(Html.escape(reason)).append("</code></li>");
        }
        return "<h2>" + Html.escape(text.reasons()) + "</h2>\n<ul id=\"reasons\">" + items + "</ul>";
    }

    private static String technologies(DemoText text, SessionView session) {
        StringBuilder rows = new StringBuilder();
        for (SessionView.TechnologyResult technology : session.technologies()) {
            String received = technology.resultReceived() == null ? "unknown" : technology.resultReceived().toString();
            rows.append("<tr data-code=\"").append(Html.escape(technology.code())).append("\" data-received=\"")
                    .append(received).append("\"><th>").append(Html.escape(technology.code()))
                    .append("</th><td class=\"received-").append(received).append("\">")
                    .append(Html.escape(text.received(technology.resultReceived()))).append("</td></tr>");
        }
        return rows.toString();
    }

    private static String switched(String selfPath, DemoText text) {
        return selfPath.replaceFirst("lang=(ru|en)", "lang=" + text.other().lang());
    }
}
