package io.flowgate.demo;

import java.util.Map;

/** The demo pages' words, in Russian (the default) or English. */
record DemoText(
        String lang,
        String languageName,
        String title,
        String tag,
        String intro,
        String flow,
        String iin,
        String generateIin,
        String phone,
        String photo,
        String photoHint,
        String language,
        String verify,
        String refused,
        String resultTitle,
        String status,
        String decision,
        String reasons,
        String technologies,
        String noDecision,
        String refresh,
        String again,
        String notFoundTitle,
        Map<String, String> statuses,
        Map<String, String> outcomes,
        Map<Boolean, String> received) {

    static final DemoText RU = new DemoText("ru", "Русский", "flowgate — демо", "демо-интегратор",
            "Эта страница играет роль сайта интегратора: его сервер создаёт сессию проверки и отправляет вас на страницу"
                    + " вендора (здесь — песочница). Данные выдуманные, ключи остаются на сервере.",
            "Поток", "ИИН (необязательно)", "Сгенерировать валидный вымышленный ИИН", "Телефон (необязательно)",
            "Фото для сравнения лица (необязательно)", "JPEG или PNG; отправляется в base64.", "Язык проверки",
            "Пройти проверку", "Запрос отклонён", "Результат проверки", "Статус", "Решение", "Причины", "Технологии",
            "Решения ещё нет: результат не полный.", "Обновить", "Начать заново", "Сессия не найдена",
            Map.of("CREATED", "Создана", "PENDING", "Обрабатывается", "COMPLETED", "Завершена", "EXPIRED", "Истекла",
                    "CANCELLED", "Отменена"),
            Map.of("approved", "Одобрено", "declined", "Отклонено", "review", "Нужна ручная проверка"),
            Map.of(true, "результат получен", false, "результата нет"));

    static final DemoText EN = new DemoText("en", "English", "flowgate — demo", "demo integrator",
            "This page plays the integrator's site: its server creates a verification session and sends you to the"
                    + " vendor's page (here, the sandbox). The data is made up and keys stay on the server.",
            "Flow", "IIN (optional)", "Generate a valid fake IIN", "Phone (optional)",
            "Photo to compare the face with (optional)", "JPEG or PNG; sent as base64.", "Language of the check",
            "Verify", "Request refused", "Verification result", "Status", "Decision", "Reasons", "Technologies",
            "No decision yet: the result is not complete.", "Refresh", "Start again", "Session not found",
            Map.of("CREATED", "Created", "PENDING", "In progress", "COMPLETED", "Completed", "EXPIRED", "Expired",
                    "CANCELLED", "Cancelled"),
            Map.of("approved", "Approved", "declined", "Declined", "review", "Needs manual review"),
            Map.of(true, "result received", false, "no result"));

    /** English for {@code en}, else Russian. */
    static DemoText of(String lang) {
        return "en".equals(lang) ? EN : RU;
    }

    DemoText other() {
        return this == EN ? RU : EN;
    }

    String status(String code) {
        return statuses.getOrDefault(code, code);
    }

    String outcome(String code) {
        return outcomes.getOrDefault(code, code);
    }

    String received(Boolean value) {
        return value == null ? "?" : received.get(value);
    }
}
