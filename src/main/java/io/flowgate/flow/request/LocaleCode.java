package io.flowgate.flow.request;

import java.util.Locale;

/** The language of the vendor's hosted flow page: {@code ru} or {@code en}, the only two it offers. */
public final class LocaleCode {

    private LocaleCode() {
    }

    /**
     * @param locale as the caller gave it, in any letter case; null for the default
     * @param defaultLocale {@code flowgate.default-locale}
     * @return {@code ru} or {@code en}
     * @throws InvalidRequestException {@code invalid_locale} for any other value
     */
    public static String check(String locale, String defaultLocale, String field) {
        if (locale == null) {
            return defaultLocale;
        }
        String code = locale.toLowerCase(Locale.ROOT);
        if (!code.equals("ru") && !code.equals("en")) {
            throw new InvalidRequestException("invalid_locale", field, "The locale must be ru or en.");
        }
        return code;
    }
}
