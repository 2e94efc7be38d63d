package io.flowgate.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.flowgate.sandbox.Sandbox;
import io.flowgate.store.InMemorySessionStore;
import io.flowgate.testsupport.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** In a real browser: the callback's pages for a browser that comes back too late or with a tampered link. */
@QuarkusTest
@TestProfile(LongSandboxSessions.class)
class DemoCallbackRefusalTest {

    private static HeadlessChromium chromium;

    @Inject
    Sandbox sandbox;

    @Inject
    InMemorySessionStore store;

    @Inject
    MutableClock clock;

    @ConfigProperty(name = "flowgate.public-base-url")
    String baseUrl;

    private DemoBrowsing browsing;

    @BeforeAll
    static void startBrowser() {
        chromium = HeadlessChromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void reset() {
        sandbox.reset();
        store.clear();
        browsing = new DemoBrowsing(chromium.driver(), baseUrl);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void showsTheExpiredPageWhenTheBrowserComesBackAfterTheLifetimeAndGrace() {
        browsing.openDemo("en", "legal-entities").verifyAndReachTheVendor();
        clock.advance(Duration.ofMinutes(16));

        WebElement page = browsing.finishAndLandOn("expired-link");
        chromium.screenshot("callback-expired");

        assertEquals("This link has expired", page.findElement(By.tagName("h1")).getText());
        assertFalse(browsing.currentUrl().contains("/demo/return"), browsing.currentUrl());
    }

    @Test
    void showsTheInvalidLinkPageWhenTheCallbackLinkWasTamperedWith() {
        browsing.openDemo("en", "legal-entities").verifyAndReachTheVendor();
        String callback = browsing.callbackAddress();
        String tampered = callback.substring(0, callback.length() - 1) + (callback.endsWith("A") ? "B" : "A");
        assertNotEquals(callback, tampered);
        browsing.replaceCallbackAddress(tampered);

        WebElement page = browsing.finishAndLandOn("invalid");
        chromium.screenshot("callback-invalid-link");

        assertEquals("Ссылка недействительна", page.findElement(By.tagName("h1")).getText());
        assertEquals(tampered, browsing.currentUrl());
    }
}
