package io.flowgate.demo;

import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What a person does in the browser: on the demo page, at the sandbox vendor, and what they end up seeing. */
final class DemoBrowsing {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final WebDriver driver;
    private final String baseUrl;

    DemoBrowsing(WebDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
    }

    /** Opens the demo page in the given language and chooses the flow and the language of the check. */
    DemoBrowsing openDemo(String lang, String flow) {
        driver.get(baseUrl + "/?lang=" + lang);
        waitFor(By.id("verify"));
        new Select(driver.findElement(By.id("flow"))).selectByValue(flow);
        new Select(driver.findElement(By.id("locale"))).selectByValue(lang);
        return this;
    }

    DemoBrowsing type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** Presses Verify and waits for the vendor's (the sandbox's) hosted flow page. */
    DemoBrowsing verifyAndReachTheVendor() {
        driver.findElement(By.id("verify")).click();
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.urlContains("/sandbox/flow/"));
        waitFor(By.id("submit"));
        return this;
    }

    /** Presses Verify and waits for the demo page to come back (refused request). */
    DemoBrowsing verifyAndStayOnTheDemo() {
        driver.findElement(By.id("verify")).click();
        waitFor(By.id("problem"));
        return this;
    }

    /** Chooses an outcome per technology (the others stay on pass). */
    DemoBrowsing choose(Map<String, String> outcomes) {
        outcomes.forEach((code, outcome) -> driver.findElement(By.id(code + "-" + outcome)).click());
        return this;
    }

    /** Finishes the hosted flow and waits for the page the browser ends on (its main element's id). */
    WebElement finishAndLandOn(String mainId) {
        driver.findElement(By.id("submit")).click();
        return waitFor(By.cssSelector("main#" + mainId));
    }

    /** The callback address the hosted flow will send the browser to. */
    String callbackAddress() {
        return driver.findElement(By.name("redirect")).getDomProperty("value");
    }

    /** Replaces the callback address the hosted flow will send the browser to. */
    void replaceCallbackAddress(String address) {
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "document.querySelector('input[name=redirect]').value = arguments[0];", address);
    }

    WebElement waitFor(By element) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(element));
    }

    String currentUrl() {
        return driver.getCurrentUrl();
    }
}
