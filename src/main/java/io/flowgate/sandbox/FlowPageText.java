package io.flowgate.sandbox;

/** The flow page's words in one language. */
record FlowPageText(
        String lang,
        String title,
        String heading,
        String notice,
        String pass,
        String fail,
        String skip,
        String submit,
        String instead,
        String itself,
        String doneHeading,
        String doneText,
        String alreadyCompleted,
        String notFoundHeading,
        String notFoundText,
        String expiredHeading,
        String expiredText,
        String invalidHeading,
        String invalidText) {

    static final FlowPageText RU = new FlowPageText("ru",
            "Песочница Biometric.Vision — прохождение проверки",
            "Прохождение проверки",
            "Это песочница flowgate: настоящая проверка не проводится. Выберите исход каждой технологии.",
            "Пройдена", "Не пройдена", "Пропущена", "Завершить", "Пройти вместо неё:", "её саму",
            "Проверка завершена", "Эту страницу можно закрыть.",
            "Проверка по этой сессии уже завершена.",
            "Сессия не найдена", "Проверьте ссылку или начните заново.",
            "Сессия истекла", "Время на прохождение проверки вышло. Начните заново.",
            "Неверный запрос", "Выбор не распознан. Вернитесь назад и попробуйте снова.");

    static final FlowPageText EN = new FlowPageText("en",
            "Biometric.Vision sandbox — identity check",
            "Identity check",
            "This is the flowgate sandbox: no real check takes place. Choose the outcome of each technology.",
            "Passed", "Failed", "Skipped", "Finish", "Pass instead:", "this one",
            "Check completed", "You may close this page.",
            "The check for this session is already completed.",
            "Session not found", "Check the link or start again.",
            "Session expired", "The time for the check is over. Please start again.",
            "Invalid request", "The choice was not understood. Go back and try again.");

    /** The vendor's two languages; Russian unless English is asked for. */
    static FlowPageText of(String locale) {
        return "en".equals(locale) ? EN : RU;
    }

    String label(Outcome outcome) {
        return switch (outcome) {
            case PASS -> pass;
            case FAIL -> fail;
            case SKIP -> skip;
        };
    }
}
