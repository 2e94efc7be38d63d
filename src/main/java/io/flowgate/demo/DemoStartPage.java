package io.flowgate.demo;

import io.flowgate.web.Html;
import io.flowgate.web.Problem;
import java.util.Collection;

/**
 * The demo integrator's start page. Stable hooks for browsers and tests: the form {@code id="start"},
 * {@code flow}, {@code iin}, {@code generate-iin}, {@code phone}, {@code photo-file} (with the hidden
 * {@code photo}), {@code locale}, the button {@code id="verify"}, and {@code id="problem"} (with
 * {@code data-code} and {@code data-field}) when the request was refused.
 */
final class DemoStartPage {

    private DemoStartPage() {
    }

    static String render(DemoText text, Collection<String> flows, DemoForm form, Problem problem) {
        DemoForm shown = form == null ? new DemoForm(null, null, null, null, text.lang()) : form;
        String main = """
                <main id="demo-start">
                <h1>%s</h1>
                <p class="intro">%s</p>
                %s<form id="start" method="post" action="/demo/start">
                <input type="hidden" name="lang" value="%s">
                <label for="flow">%s</label>
                <select id="flow" name="flow">%s</select>
                <label for="iin">%s</label>
                <div class="row"><input id="iin" name="iin" inputmode="numeric" maxlength="12" autocomplete="off" value="%s">
                <button type="button" id="generate-iin">%s</button></div>
                <label for="phone">%s</label>
                <input id="phone" name="phone" type="tel" autocomplete="off" placeholder="+7 701 000 00 00" value="%s">
                <label for="photo-file">%s</label>
                <input id="photo-file" type="file" accept="image/jpeg,image/png">
                <input type="hidden" id="photo" name="photo">
                <small>%s</small>
                <label for="locale">%s</label>
                <select id="locale" name="locale">%s</select>
                <button type="submit" id="verify">%s</button>
                </form>
                </main>
                """.formatted(Html.escape(text.title()), Html.escape(text.intro()), problem(text, problem), text.lang(),
                Html.escape(text.flow()), flowOptions(flows, shown.flow()), Html.escape(text.iin()),
                Html.escape(shown.iin()), Html.escape(text.generateIin()), Html.escape(text.phone()),
                Html.escape(shown.phone()), Html.escape(text.photo()), Html.escape(text.photoHint()),
                Html.escape(text.language()), localeOptions(shown.locale()), Html.escape(text.verify()));
        return DemoLayout.page(text, "/?lang=" + text.other().lang(), main);
    }

    private static String problem(DemoText text, Problem problem) {
        if (problem == null) {
            return "";
        }
        return """
                <section id="problem" class="problem" data-code="%s" data-field="%s" role="alert">
                <h2>%s</h2><p><code>%s</code>%s</p><p>%s</p></section>
                """.formatted(Html.escape(problem.code()), Html.escape(problem.field()), Html.escape(text.refused()),
                Html.escape(problem.code()), problem.field() == null ? "" : " — <code>" + Html.escape(problem.field()) + "</code>",
                Html.escape(problem.detail()));
    }

    private static String flowOptions(Collection<String> flows, String selected) {
        StringBuilder options = new StringBuilder();
        for (String flow : flows) {
            options.append(option(flow, flow, flow.equals(selected)));
        }
        return options.toString();
    }

    private static String localeOptions(String selected) {
        return option("ru", "Русский", !"en".equals(selected)) + option("en", "English", "en".equals(selected));
    }

    private static String option(String value, String label, boolean selected) {
        return "<option value=\"" + Html.escape(value) + "\"" + (selected ? " selected" : "") + ">" + Html.escape(label)
                + "</option>";
    }
}
