package io.flowgate.web;

import java.util.Map;

/** The small pages a returning browser may see, in Russian or English, holding no data. */
final class CallbackPages {

    private record Text(String title, String body) {
    }

    private static final Map<String, Text> RU = Map.of(
            "invalid", new Text("Ссылка недействительна", "Эта ссылка повреждена или выдана не нами. Вернитесь на сайт и начните проверку заново."),
            "expired-link", new Text("Срок действия ссылки истёк", "Вернитесь на сайт и начните проверку заново."),
            "completed", new Text("Проверка завершена", "Спасибо! Эту страницу можно закрыть."),
            "pending", new Text("Проверка обрабатывается", "Результат ещё не готов. Эту страницу можно закрыть: сайт получит его позже."),
            "expired", new Text("Время проверки истекло", "Вернитесь на сайт и начните проверку заново."),
            "cancelled", new Text("Проверка отменена", "Сайт отменил эту проверку. Эту страницу можно закрыть; если проверка ещё нужна, начните её на сайте заново."));

    private static final Map<String, Text> EN = Map.of(
            "invalid", new Text("This link is not valid", "The link is damaged or was not issued by us. Go back to the site and start the check again."),
            "expired-link", new Text("This link has expired", "Go back to the site and start the check again."),
            "completed", new Text("Verification complete", "Thank you! You can close this page."),
            "pending", new Text("Verification in progress", "The result is not ready yet. You can close this page: the site will receive it later."),
            "expired", new Text("The verification has expired", "Go back to the site and start the check again."),
            "cancelled", new Text("The verification was cancelled", "The site cancelled this verification. You can close this page; if a check is still needed, start it again on the site."));

    private CallbackPages() {
    }

    static String invalidLink(String locale) {
        return render("invalid", locale);
    }

    static String expiredLink(String locale) {
        return render("expired-link", locale);
    }

    static String cancelled(String locale) {
        return render("cancelled", locale);
    }

    static String status(String status, String locale) {
        return render(status, locale);
    }

    private static String render(String key, String locale) {
        String lang = "en".equals(locale) ? "en" : "ru";
        Text text = ("en".equals(lang) ? EN : RU).get(key);
        return """
                <!doctype html>
                <html lang="%s">
                <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title></head>
                <body><main id="%s"><h1>%s</h1><p>%s</p></main></body>
                </html>
                """.formatted(lang, text.title(), key, text.title(), text.body());
    }
}
