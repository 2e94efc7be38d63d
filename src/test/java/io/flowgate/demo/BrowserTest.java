package io.flowgate.demo;

import io.flowgate.sandbox.Sandbox;
import io.flowgate.store.InMemorySessionStore;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** What every browser test shares: one headless Chromium per class, a fresh sandbox and store per test. */
abstract class BrowserTest {

    static HeadlessChromium chromium;

    @Inject
    Sandbox sandbox;

    @Inject
    InMemorySessionStore store;

    @ConfigProperty(name = "flowgate.public-base-url")
    String baseUrl;

    DemoBrowsing browsing;

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
    void startBrowsing() {
        browsing = new DemoBrowsing(chromium.driver(), baseUrl);
    }
}
