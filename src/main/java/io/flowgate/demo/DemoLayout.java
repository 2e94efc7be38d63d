package io.flowgate.demo;

import io.flowgate.web.Html;

/** The frame every demo page shares: language, title, stylesheet, script and the language switch. */
final class DemoLayout {

    private DemoLayout() {
    }

    static String page(DemoText text, String switchPath, String main) {
        return """
                <!doctype html>
                <html lang="%1$s">
                <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%2$s</title>
                <link rel="stylesheet" href="/demo/assets/demo.css"></head>
                <body>
                <header><span class="brand">flowgate</span> <span class="tag">%3$s</span>
                <nav><a href="%4$s" id="switch-language" lang="%5$s">%6$s</a></nav></header>
                %7$s
                <script src="/demo/assets/demo.js"></script>
                </body>
                </html>
                """.formatted(text.lang(), Html.escape(text.title()), Html.escape(text.tag()),
                Html.escape(switchPath), text.other().lang(), Html.escape(text.other().languageName()), main);
    }
}
