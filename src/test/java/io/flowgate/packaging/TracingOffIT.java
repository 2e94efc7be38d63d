package io.flowgate.packaging;

import static io.flowgate.journey.Journeys.collectResult;
import static io.flowgate.journey.Journeys.createSession;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flowgate.testsupport.lambda.LambdaStack;
import io.flowgate.testsupport.lambda.OtlpTraceReceiver;
import io.flowgate.testsupport.lambda.StubVendor;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tracing is off unless switched on: the packaged artifact with its defaults and a collector's endpoint configured
 * sends it nothing, through a session's creation and collection (which, with tracing on, export their spans before
 * answering: {@link TracingIT}).
 */
class TracingOffIT {

    private static final Path TARGET = Path.of(System.getProperty("flowgate.target", "target"));

    private static StubVendor vendor;
    private static OtlpTraceReceiver collector;
    private static LambdaStack lambda;

    @BeforeAll
    static void startThePackagedFunction() throws Exception {
        vendor = new StubVendor();
        collector = new OtlpTraceReceiver();
        lambda = LambdaStack.startPackaged(TARGET, TracingOffIT::configuration, TARGET.resolve("tracing-off-it"));
        PackagedSetup.callThrough(lambda);
    }

    private static Map<String, String> configuration(String publicUrl) {
        Map<String, String> properties = PackagedSetup.configuration("tracing-off-it", publicUrl, vendor);
        properties.put("quarkus.otel.exporter.otlp.traces.endpoint", collector.endpoint());
        return properties;
    }

    @AfterAll
    static void stop() throws Exception {
        PackagedSetup.closeAll(lambda, vendor, collector);
    }

    @Test
    void sendsNothingToTheCollectorByDefault() {
        String sessionId = createSession("{\"flow\":\"individuals\"}").path("sessionId");
        collectResult(sessionId).then().statusCode(200).body("status", equalTo("COMPLETED"));

        assertEquals(2, vendor.createCalls() + vendor.resultCalls(), "the vendor was called");
        assertEquals(0, collector.requests(), "no request reached the collector");
    }
}
