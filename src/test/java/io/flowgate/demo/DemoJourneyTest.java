package io.flowgate.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** A person clicks through the demo in a real browser: demo page, sandbox vendor, callback, demo return page. */
@QuarkusTest
class DemoJourneyTest extends BrowserTest {

    @Test
    void showsAnApprovedSessionWhenEveryTechnologyPasses() {
        browsing.openDemo("en", "legal-entities").verifyAndReachTheVendor();

        WebElement page = browsing.choose(Map.of("LD", "pass", "DR", "pass", "F2F", "pass"))
                .finishAndLandOn("demo-return");
        chromium.screenshot("demo-return-approved");

        assertTrue(browsing.currentUrl().startsWith(baseUrl + "/demo/return?lang=en&session_id="), browsing.currentUrl());
        assertTrue(browsing.currentUrl().endsWith("&status=completed"), browsing.currentUrl());
        assertEquals("COMPLETED", page.getDomAttribute("data-status"));
        assertEquals("approved", page.getDomAttribute("data-outcome"));
        assertEquals("Approved", page.findElement(By.id("outcome")).getText());
        assertEquals(List.of("/liveness_result/is_live == true", "/face2face_result/similarity >= 0.8"), reasons(page));
        assertEquals(Map.of("LD", "true", "DR", "true", "F2F", "true"), technologies(page));
    }

    @Test
    void showsADeclinedSessionWhenTheFaceDoesNotMatch() {
        browsing.openDemo("en", "legal-entities").verifyAndReachTheVendor();

        WebElement page = browsing.choose(Map.of("F2F", "fail")).finishAndLandOn("demo-return");
        chromium.screenshot("demo-return-declined");

        assertEquals("COMPLETED", page.getDomAttribute("data-status"));
        assertEquals("declined", page.getDomAttribute("data-outcome"));
        assertEquals(List.of("/face2face_result/is_same_person == false"), reasons(page));
    }

    @Test
    void showsAPendingSessionWithoutADecisionWhenATechnologyIsSkipped() {
        browsing.openDemo("ru", "individuals").verifyAndReachTheVendor();

        WebElement page = browsing.choose(Map.of("ED", "skip")).finishAndLandOn("demo-return");
        chromium.screenshot("demo-return-pending");

        assertTrue(browsing.currentUrl().endsWith("&status=pending"), browsing.currentUrl());
        assertEquals("PENDING", page.getDomAttribute("data-status"));
        assertEquals("", page.getDomAttribute("data-outcome"));
        assertEquals("Решения ещё нет: результат не полный.", page.findElement(By.id("outcome")).getText());
        assertEquals(Map.of("LD", "true", "ED", "false", "F2F", "true"), technologies(page));
        assertTrue(page.findElement(By.id("refresh")).isDisplayed());
    }

    private static List<String> reasons(WebElement page) {
        return page.findElements(By.cssSelector("#reasons li")).stream().map(WebElement::getText).toList();
    }

    private static Map<String, String> technologies(WebElement page) {
        return page.findElements(By.cssSelector("#technologies tr")).stream().collect(java.util.stream.Collectors.toMap(
                row -> row.getDomAttribute("data-code"), row -> row.getDomAttribute("data-received")));
    }
}
