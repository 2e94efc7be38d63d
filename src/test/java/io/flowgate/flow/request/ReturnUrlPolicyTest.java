package io.flowgate.flow.request;

import static io.flowgate.testsupport.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReturnUrlPolicyTest {

    private static final String FIELD = "returnUrl";
    private static final String NOT_ABSOLUTE = "The return URL must be an absolute https URL.";
    private static final String NOT_HTTPS = "The return URL must use https.";
    private static final String NOT_ALLOWED = "The return URL is not under any allowed prefix (flowgate.return-url.allowed).";

    private final ReturnUrlPolicy policy = new ReturnUrlPolicy(
            List.of("https://shop.example.com/kyc/", "https://example.com", "https://portal.example.org:8443/app"), false);
    private final ReturnUrlPolicy localDev = new ReturnUrlPolicy(List.of("https://shop.example.com/kyc/"), true);

    private static Optional<URI> uri(String value) {
        return Optional.of(URI.create(value));
    }

    @Test
    void allowsNoReturnUrl() {
        assertEquals(Optional.empty(), policy.check(null, FIELD));
    }

    @ParameterizedTest
    @CsvSource({
        "https://shop.example.com/kyc/done?x=1,             https://shop.example.com/kyc/done?x=1",
        "https://shop.example.com/kyc/,                     https://shop.example.com/kyc/",
        "HTTPS://SHOP.EXAMPLE.COM/kyc/a,                    https://shop.example.com/kyc/a",
        "https://shop.example.com:443/kyc/a,                https://shop.example.com:443/kyc/a",
        "https://shop.example.com/kyc/./step/../done,       https://shop.example.com/kyc/done",
        "https://shop.example.com/kyc/a?next=https://evil.io/, https://shop.example.com/kyc/a?next=https://evil.io/",
        "https://example.com,                               https://example.com/",
        "https://example.com/any/path?session=1&s=%20,      https://example.com/any/path?session=1&s=%20",
        "https://portal.example.org:8443/app,               https://portal.example.org:8443/app",
        "https://portal.example.org:8443/app/kyc,           https://portal.example.org:8443/app/kyc",
    })
    void allowsUrlsUnderAnAllowedPrefix(String returnUrl, String expected) {
        assertEquals(uri(expected), policy.check(returnUrl, FIELD));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://shop.example.com/kycevil",
        "https://shop.example.com/kyc",
        "https://shop.example.com/KYC/done",
        "https://shop.example.com/",
        "https://shop.example.com.evil.io/kyc/",
        "https://evil.io/kyc/",
        "https://shop.example.com:444/kyc/",
        "https://shop.example.com:8443/kyc/",
        "https://shop.example.com/kyc/../admin",
        "https://shop.example.com/kyc/a/../../admin",
        "https://www.example.com/",
        "https://example.com.evil.io/",
        "https://example.com:444/",
        "https://portal.example.org/app",
        "https://portal.example.org:8443/application",
        "https://portal.example.org:8443/",
        "https://localhost/kyc/",
    })
    void refusesUrlsOutsideEveryPrefix(String returnUrl) {
        assertRejected("return_url_not_allowed", FIELD, NOT_ALLOWED, () -> policy.check(returnUrl, FIELD));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "javascript:alert(1)", "JavaScript:alert(1)", "data:text/html;base64,PHNjcmlwdD4=", "//evil.io/kyc/",
        "/kyc/done", "kyc/done", "", "https:shop.example.com/kyc/", "https:///kyc/", "https://", "mailto:a@example.com",
        "ftp://shop.example.com/kyc/", "file:///etc/passwd", "https://shop.example.com/kyc/ done", " https://shop.example.com/kyc/",
        "https://shop.example.com/kyc/\tdone", "https://shop.example.com/kyc/%ZZ", "https://[::1/kyc/", "https://shop.exämple.com/kyc/",
        "https://shop_example.com/kyc/", "https://:443/kyc/", "https://shop.example.com:0/kyc/", "https://shop.example.com:99999/kyc/",
    })
    void refusesWhatIsNotAnAbsoluteHttpUrl(String returnUrl) {
        assertRejected("invalid_return_url", FIELD, NOT_ABSOLUTE, () -> policy.check(returnUrl, FIELD));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://shop.example.com@evil.io/kyc/", "https://user:pass@shop.example.com/kyc/",
        "https://@shop.example.com/kyc/", "https://shop.example.com@evil_io/kyc/", "http://localhost@evil.io/"})
    void refusesUserInformation(String returnUrl) {
        assertRejected("invalid_return_url", FIELD, "The return URL must not contain user information (user@host).",
                () -> localDev.check(returnUrl, FIELD));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://shop.example.com\\@evil.io/kyc/", "https://shop.example.com/kyc/\\..\\admin",
        "https:\\\\evil.io"})
    void refusesBackslashes(String returnUrl) {
        assertRejected("invalid_return_url", FIELD, "The return URL must not contain backslashes.",
                () -> policy.check(returnUrl, FIELD));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://shop.example.com/kyc/%2e%2e/admin", "https://shop.example.com/kyc/.%2E/admin",
        "https://shop.example.com/kyc/..%2fadmin", "https://shop.example.com/kyc%2F..%2F..%2Fadmin",
        "https://shop.example.com/kyc/..%5Cadmin"})
    void refusesEncodedDotsAndSlashesInThePath(String returnUrl) {
        assertRejected("invalid_return_url", FIELD,
                "The return URL's path must not contain encoded dots, slashes or backslashes.",
                () -> policy.check(returnUrl, FIELD));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://shop.example.com/kyc/%252e%252e/admin", "https://shop.example.com/kyc/%252E%252E/admin",
        "https://shop.example.com/kyc/..%252fadmin", "https://shop.example.com/kyc/..%255Cadmin",
        "https://shop.example.com/kyc/%25252e%25252e/admin", "https://shop.example.com/kyc/%25%32%65%25%32%65/admin",
        "https://shop.example.com/kyc/..%253b/admin"})
    void refusesAnEncodedPercentSignThatDecodesToADotOrSlash(String returnUrl) {
        assertRejected("invalid_return_url", FIELD,
                "The return URL's path must not contain encoded dots, slashes or backslashes.",
                () -> policy.check(returnUrl, FIELD));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://shop.example.com/kyc/..;/admin", "https://shop.example.com/kyc/;jsessionid=1",
        "https://shop.example.com/kyc/done;x=1?order=1", "https://example.com/a;/../admin"})
    void refusesASemicolonInThePath(String returnUrl) {
        assertRejected("invalid_return_url", FIELD, "The return URL's path must not contain semicolons.",
                () -> policy.check(returnUrl, FIELD));
    }

    @ParameterizedTest
    @CsvSource({
        "https://shop.example.com/kyc/done?order=1;2,       https://shop.example.com/kyc/done?order=1;2",
        "https://shop.example.com/kyc/100%25,               https://shop.example.com/kyc/100%25",
        "https://shop.example.com/kyc/a%2520b,              https://shop.example.com/kyc/a%2520b",
    })
    void allowsASemicolonInTheQueryAndAnEncodedPercentSignThatHidesNothing(String returnUrl, String expected) {
        assertEquals(uri(expected), policy.check(returnUrl, FIELD));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.com/../admin", "https://example.com/a/../../admin", "https://example.com/.."})
    void refusesAPathThatClimbsAboveTheRoot(String returnUrl) {
        assertRejected("invalid_return_url", FIELD, "The return URL's path must not climb above the root.",
                () -> policy.check(returnUrl, FIELD));
    }

    @Test
    void refusesAFragment() {
        assertRejected("invalid_return_url", FIELD, "The return URL must not contain a fragment (#...).",
                () -> policy.check("https://shop.example.com/kyc/done#top", FIELD));
    }

    @Test
    void refusesAUrlLongerThan2048Characters() {
        String base = "https://shop.example.com/kyc/";
        String longest = base + "a".repeat(2048 - base.length());

        assertEquals(uri(longest), policy.check(longest, FIELD));
        assertRejected("invalid_return_url", FIELD, "The return URL must be at most 2048 characters long.",
                () -> policy.check(longest + "a", FIELD));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://shop.example.com/kyc/", "HTTP://shop.example.com/kyc/", "http://localhost:3000/done",
        "http://127.0.0.1/done"})
    void refusesPlainHttpUnlessLocalhostIsAllowed(String returnUrl) {
        assertRejected("return_url_not_https", FIELD, NOT_HTTPS, () -> policy.check(returnUrl, FIELD));
    }

    @ParameterizedTest
    @CsvSource({
        "http://localhost:3000/done?x=1,  http://localhost:3000/done?x=1",
        "http://LOCALHOST/a/./b,          http://localhost/a/b",
        "http://127.0.0.1:8080,           http://127.0.0.1:8080/",
    })
    void allowsLocalhostHttpWithoutAnEntryWhenConfigured(String returnUrl, String expected) {
        assertEquals(uri(expected), localDev.check(returnUrl, FIELD));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost.evil.io/", "http://127.0.0.2/", "http://[::1]/", "http://0.0.0.0/",
        "http://shop.example.com/kyc/"})
    void allowsPlainHttpOnlyForLocalhost(String returnUrl) {
        assertRejected("return_url_not_https", FIELD, NOT_HTTPS, () -> localDev.check(returnUrl, FIELD));
    }

    @Test
    void allowsNoUrlWhenTheListIsEmpty() {
        ReturnUrlPolicy none = new ReturnUrlPolicy(List.of(), true);

        assertRejected("return_url_not_allowed", FIELD, NOT_ALLOWED, () -> none.check("https://shop.example.com/kyc/", FIELD));
        assertRejected("return_url_not_allowed", FIELD, NOT_ALLOWED, () -> none.check("https://localhost/", FIELD));
        assertEquals(uri("http://localhost:8080/done"), none.check("http://localhost:8080/done", FIELD));
    }

    @Test
    void treatsAMissingListAsEmpty() {
        ReturnUrlPolicy none = new ReturnUrlPolicy(null, false);

        assertRejected("return_url_not_allowed", FIELD, NOT_ALLOWED, () -> none.check("https://shop.example.com/kyc/", FIELD));
    }

    @Test
    void acceptsAnHttpEntryForLocalhost() {
        ReturnUrlPolicy dev = new ReturnUrlPolicy(List.of("http://localhost:8080/", "https://example.com/"), true);

        assertEquals(uri("http://localhost:8080/x"), dev.check("http://localhost:8080/x", FIELD));
        assertEquals(uri("https://example.com/x"), dev.check("https://example.com/x", FIELD));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "not a url            | flowgate.return-url.allowed has an entry that is not usable: not a url (The return URL must be an absolute https URL.)",
        "/kyc/                | flowgate.return-url.allowed has an entry that is not usable: /kyc/ (The return URL must be an absolute https URL.)",
        "ftp://example.com/   | flowgate.return-url.allowed has an entry that is not usable: ftp://example.com/ (The return URL must be an absolute https URL.)",
        "https://u@example.com/ | flowgate.return-url.allowed has an entry that is not usable: https://u@example.com/ (The return URL must not contain user information (user@host).)",
        "https://example.com/#x | flowgate.return-url.allowed has an entry that is not usable: https://example.com/#x (The return URL must not contain a fragment (#...).)",
        "https://example.com/?q=1 | flowgate.return-url.allowed has an entry with a query: https://example.com/?q=1",
        "http://example.com/  | flowgate.return-url.allowed has an http entry for a host other than localhost: http://example.com/",
    })
    void refusesAnUnusableEntry(String entry, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ReturnUrlPolicy(List.of("https://example.com/", entry), false));

        assertEquals(message, e.getMessage());
    }
}
