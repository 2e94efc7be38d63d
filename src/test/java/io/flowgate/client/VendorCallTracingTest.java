package io.flowgate.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VendorCallTracingTest {

    private static final String API_URL = "https://api.vendor.example:8443/base";
    private static final String HEADER = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";

    private final List<SpanData> exported = new CopyOnWriteArrayList<>();
    private OpenTelemetrySdk sdk;
    private String previousHeader;

    @BeforeEach
    void sdkWithABatchProcessorThatWouldWaitSeconds() {
        SpanExporter exporter = new SpanExporter() {
            @Override
            public CompletableResultCode export(Collection<SpanData> spans) {
                exported.addAll(spans);
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode flush() {
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode shutdown() {
                return CompletableResultCode.ofSuccess();
            }
        };
        sdk = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
                .addSpanProcessor(BatchSpanProcessor.builder(exporter).setScheduleDelay(Duration.ofMinutes(1)).build())
                .build()).build();
        previousHeader = System.getProperty(LambdaTraceHeader.PROPERTY);
        System.setProperty(LambdaTraceHeader.PROPERTY, HEADER);
    }

    @AfterEach
    void restore() {
        sdk.close();
        if (previousHeader == null) {
            System.clearProperty(LambdaTraceHeader.PROPERTY);
        } else {
            System.setProperty(LambdaTraceHeader.PROPERTY, previousHeader);
        }
    }

    @Test
    void recordsAnAnsweredAttemptInTheInvocationsTraceAndExportsItOnFlush() {
        VendorCallTracing tracing = new VendorCallTracing(sdk, API_URL, Duration.ofSeconds(1));

        tracing.start(UpstreamOperation.DOWNLOAD_VIDEO, 1).ok(200);
        assertEquals(List.of(), exported, "the batch processor holds the span until a flush");
        tracing.flush();

        SpanData span = exported.get(0);
        assertEquals("flow-remote video", span.getName());
        assertEquals(SpanKind.CLIENT, span.getKind());
        assertEquals("5759e988bd862e3fe1be46a994272793", span.getTraceId());
        assertEquals("53995c3f42cd8ad8", span.getParentSpanId());
        assertEquals(Attributes.builder()
                .put(VendorCallTracing.ENDPOINT, "video")
                .put(VendorCallTracing.ATTEMPT, 1L)
                .put(VendorCallTracing.METHOD, "GET")
                .put(VendorCallTracing.SERVER, "api.vendor.example")
                .put(VendorCallTracing.OUTCOME, "ok")
                .put(VendorCallTracing.STATUS, 200L)
                .build().asMap(), span.getAttributes().asMap());
        assertEquals(StatusCode.UNSET, span.getStatus().getStatusCode());
        assertEquals(List.of(), span.getEvents());
    }

    @Test
    void recordsAFailedAttemptWithItsOutcomeStatusAndNumberAsAnError() {
        VendorCallTracing tracing = new VendorCallTracing(sdk, API_URL, Duration.ofSeconds(1));

        tracing.start(UpstreamOperation.GET_RESULT, 1).failed("timeout", 0);
        tracing.start(UpstreamOperation.GET_RESULT, 2).failed("server_error", 503);
        tracing.flush();

        assertEquals(2, exported.size());
        SpanData second = exported.get(1);
        assertEquals("flow-remote result", second.getName());
        assertEquals(Attributes.builder()
                .put(VendorCallTracing.ENDPOINT, "result")
                .put(VendorCallTracing.ATTEMPT, 2L)
                .put(VendorCallTracing.METHOD, "GET")
                .put(VendorCallTracing.SERVER, "api.vendor.example")
                .put(VendorCallTracing.OUTCOME, "server_error")
                .put(VendorCallTracing.ERROR_TYPE, "server_error")
                .put(VendorCallTracing.STATUS, 503L)
                .build().asMap(), second.getAttributes().asMap());
        assertEquals(StatusCode.ERROR, second.getStatus().getStatusCode());
        assertEquals("server_error", second.getStatus().getDescription());
        assertFalse(exported.get(0).getAttributes().asMap().containsKey(VendorCallTracing.STATUS),
                "no status without an answer");
        assertEquals(exported.get(0).getTraceId(), second.getTraceId());
    }

    @Test
    void startsANewTraceOutsideLambdaAndDoesNothingWithTracingOff() {
        System.clearProperty(LambdaTraceHeader.PROPERTY);
        VendorCallTracing tracing = new VendorCallTracing(sdk, API_URL, Duration.ofSeconds(1));
        tracing.start(UpstreamOperation.CREATE_SESSION, 1).ok(0);
        tracing.flush();
        assertEquals("0000000000000000", exported.get(0).getParentSpanId());
        assertEquals("POST", exported.get(0).getAttributes().get(VendorCallTracing.METHOD));

        VendorCallTracing off = new VendorCallTracing(OpenTelemetry.noop(), API_URL, Duration.ofSeconds(1));
        off.start(UpstreamOperation.CREATE_SESSION, 1).ok(0);
        off.flush();
        assertEquals(1, exported.size());
    }
}
