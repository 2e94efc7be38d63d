package io.flowgate.sandbox;

import io.flowgate.web.Html;
import java.util.List;

/**
 * The hosted flow page's HTML. Stable hooks for tests and browsers: the form {@code id="flow"}, one
 * radio group per technology named by its code ({@code name="LD"}, values {@code pass|fail|skip},
 * ids {@code LD-pass} ...), for a technology in the session's interchangeable group a select named and
 * identified {@code <code>-instead} (e.g. {@code ED-instead}) whose options are {@code ""} (the technology itself)
 * and the other members of the group the person may pass instead, the hidden fields {@code redirect} and
 * {@code locale}, the button {@code id="submit"}; on the other pages the heading {@code id="heading"} and text
 * {@code id="message"}.
 */
final class FlowPage {

    private FlowPage() {
    }

    static String form(SandboxSession session, FlowPageText text, String redirect) {
        StringBuilder html = start(text, text.title());
        html.append("  <h1 id=\"heading\">").append(Html.escape(text.heading())).append("</h1>\n")
                .append("  <p id=\"notice\">").append(Html.escape(text.notice())).append("</p>\n")
                .append("  <form id=\"flow\" method=\"post\" action=\"/sandbox/flow/")
                .append(Html.escape(session.id())).append("\">\n")
                .append(hidden("redirect", redirect))
                .append(hidden("locale", text.lang()));
        for (String code : session.technologies()) {
            String label = Technology.of(code).map(t -> t.label(text.lang())).orElse(code);
            html.append("    <fieldset id=\"").append(Html.escape(code)).append("\">\n")
                    .append("      <legend>").append(Html.escape(code)).append(" — ").append(Html.escape(label))
                    .append("</legend>\n");
            for (Outcome outcome : Outcome.values()) {
                html.append(choice(code, outcome, text));
            }
            List<String> alternatives = session.alternatives(code);
            if (!alternatives.isEmpty()) {
                html.append(instead(code, alternatives, text));
            }
            html.append("    </fieldset>\n");
        }
        html.append("    <button type=\"submit\" id=\"submit\">").append(Html.escape(text.submit()))
                .append("</button>\n  </form>\n");
        return end(html);
    }

    static String message(FlowPageText text, String heading, String message) {
        StringBuilder html = start(text, heading);
        html.append("  <h1 id=\"heading\">").append(Html.escape(heading)).append("</h1>\n")
                .append("  <p id=\"message\">").append(Html.escape(message)).append("</p>\n");
        return end(html);
    }

    private static String choice(String code, Outcome outcome, FlowPageText text) {
        String id = Html.escape(code + "-" + outcome.formValue());
        return "      <label for=\"" + id + "\"><input type=\"radio\" id=\"" + id + "\" name=\"" + Html.escape(code)
                + "\" value=\"" + outcome.formValue() + "\"" + (outcome == Outcome.PASS ? " checked" : "") + "> "
                + Html.escape(text.label(outcome)) + "</label>\n";
    }

    private static String instead(String code, List<String> alternatives, FlowPageText text) {
        String name = Html.escape(insteadField(code));
        StringBuilder html = new StringBuilder("      <label for=\"").append(name).append("\">")
                .append(Html.escape(text.instead())).append(" <select id=\"").append(name).append("\" name=\"")
                .append(name).append("\">\n        <option value=\"\" selected>").append(Html.escape(code))
                .append(" — ").append(Html.escape(text.itself())).append("</option>\n");
        for (String alternative : alternatives) {
            String label = Technology.of(alternative).map(t -> t.label(text.lang())).orElse(alternative);
            html.append("        <option value=\"").append(Html.escape(alternative)).append("\">")
                    .append(Html.escape(alternative)).append(" — ").append(Html.escape(label)).append("</option>\n");
        }
        return html.append("      </select></label>\n").toString();
    }

    /** The form field naming what the person passed instead of the technology. */
    static String insteadField(String code) {
        return code + "-instead";
    }

    private static String hidden(String name, String value) {
        return "    <input type=\"hidden\" name=\"" + name + "\" value=\"" + Html.escape(value) + "\">\n";
    }

    private static StringBuilder start(FlowPageText text, String title) {
        return new StringBuilder(2048)
                .append("<!doctype html>\n<html lang=\"").append(text.lang()).append("\">\n<head>\n")
                .append("  <meta charset=\"utf-8\">\n")
                .append("  <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("  <title>").append(Html.escape(title)).append("</title>\n</head>\n<body>\n");
    }

    private static String end(StringBuilder html) {
        return html.append("</body>\n</html>\n").toString();
    }
}
