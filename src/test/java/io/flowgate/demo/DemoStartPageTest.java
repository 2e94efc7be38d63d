package io.flowgate.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowgate.sandbox.Endpoint;
import io.flowgate.testsupport.FakeIins;
import io.flowgate.testsupport.TestImages;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** In a real browser: the demo page's IIN generator, its prefill and photo, and a refused request. */
@QuarkusTest
class DemoStartPageTest extends BrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void generatesFakeIinsWithAValidCheckDigit() {
        browsing.openDemo("en", "individuals");
        WebDriver driver = chromium.driver();

        for (int i = 0; i < 30; i++) {
            driver.findElement(By.id("generate-iin")).click();
            String iin = driver.findElement(By.id("iin")).getDomProperty("value");
            assertTrue(iin.matches("\\d{12}"), iin);
            assertEquals(FakeIins.checkDigit(iin.substring(0, 11)).orElseThrow(), iin.charAt(11) - '0', iin);
        }
    }

    @Test
    void sendsTheGeneratedIinThePhoneAndThePhotoToTheVendor() throws Exception {
        browsing.openDemo("en", "individuals").type("phone", "+7 701 000 00 10");
        WebDriver driver = chromium.driver();
        driver.findElement(By.id("generate-iin")).click();
        String iin = driver.findElement(By.id("iin")).getDomProperty("value");
        Path photo = Files.createTempFile("flowgate-demo-photo-", ".png");
        byte[] png = Base64.getDecoder().decode(TestImages.pngBase64());
        Files.write(photo, png);
        try {
            driver.findElement(By.id("photo-file")).sendKeys(photo.toAbsolutePath().toString());
            new WebDriverWait(driver, Duration.ofSeconds(10))
                    .until(d -> !d.findElement(By.id("photo")).getDomProperty("value").isEmpty());

            browsing.verifyAndReachTheVendor();
        } finally {
            Files.delete(photo);
        }

        JsonNode metadata = JSON.readTree(sandbox.lastRequest(Endpoint.CREATE).orElseThrow().body()).get("metadata");
        assertEquals(iin, metadata.at("/edocument/iin/value").asText());
        assertEquals("+77010000010", metadata.at("/edocument/phone/value").asText());
        assertEquals(Base64.getEncoder().encodeToString(png), metadata.at("/face2face/photo1").asText());
    }

    @Test
    void showsARefusedRequestOnThePageWithItsCodeAndField() {
        browsing.openDemo("en", "individuals").type("iin", FakeIins.withWrongCheckDigit(5)).verifyAndStayOnTheDemo();
        chromium.screenshot("demo-start-refused");

        WebElement problem = chromium.driver().findElement(By.id("problem"));
        assertEquals("invalid_iin", problem.getDomAttribute("data-code"));
        assertEquals("prefill.iin.value", problem.getDomAttribute("data-field"));
        assertTrue(problem.getText().contains("The IIN's check digit does not match."), problem.getText());
        assertEquals(0, sandbox.recordedRequests().size(), "nothing sent to the vendor");
        assertEquals(0, store.size(), "nothing stored");
    }
}
