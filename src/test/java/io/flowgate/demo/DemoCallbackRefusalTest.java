package io.flowgate.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.flowgate.testsupport.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** In a real browser: the callback's pages for a browser that comes back too late or with a tampered link. */
@QuarkusTest
@TestProfile(LongSandboxSessions.class)
class DemoCallbackRefusalTest extends BrowserTest {

    @Inject
    MutableClock clock;

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
