package io.flowgate.packaging;

import static io.flowgate.journey.Journeys.arriveAtCallback;
import static io.flowgate.journey.Journeys.collectResult;
import static io.flowgate.journey.Journeys.createSession;
import static io.flowgate.journey.Journeys.query;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowgate.testsupport.FakeIins;
import io.flowgate.testsupport.TestImages;
import io.flowgate.testsupport.lambda.LambdaStack;
import io.flowgate.testsupport.lambda.OtlpTraceReceiver;
import io.flowgate.testsupport.lambda.OtlpTraceReceiver.Received;
import io.flowgate.testsupport.lambda.StubVendor;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tracing switched on in the packaged artifact ({@code quarkus.otel.sdk.disabled=false}), with a stand-in for the
 * ADOT collector layer's OTLP/HTTP receiver: each vendor call is a span named by its endpoint, with its outcome,
 * attempt and status, in the X-Ray trace of the invocation that made it (the emulation's
 * {@code Lambda-Runtime-Trace-Id}), exported before the invocation answers; no other span is made, and no field of
 * any span, its scope or its resource carries a key, a secret, the callback's state, a session id, a reference, an
 * IIN, a phone number or a photo.
 */
class TracingIT {

    private static final Path TARGET = Path.of(System.getProperty("flowgate.target", "target"));
    private static final String IIN = FakeIins.valid(23);
    private static final String PHONE_DIGITS = "7000000023";
    private static final String PHOTO = TestImages.jpegBase64();
    private static final Pattern ROOT = Pattern.compile("Root=1-([0-9a-f]{8})-([0-9a-f]{24});Parent=([0-9a-f]{16})");
    private static final Set<String> ATTRIBUTES = Set.of("flowgate.vendor.endpoint", "flowgate.vendor.outcome",
            "flowgate.vendor.attempt", "http.request.method", "http.response.status_code", "server.address",
            "error.type");

    private static StubVendor vendor;
    private static OtlpTraceReceiver collector;
    private static LambdaStack lambda;
    private static Map<String, String> configuration;

    @BeforeAll
    static void startThePackagedFunction() throws Exception {
        vendor = new StubVendor();
        collector = new OtlpTraceReceiver();
        lambda = LambdaStack.startPackaged(TARGET, TracingIT::configuration, TARGET.resolve("tracing-it"));
        PackagedSetup.callThrough(lambda);
    }

    private static Map<String, String> configuration(String publicUrl) {
        Map<String, String> properties = PackagedSetup.configuration("tracing-it", publicUrl, vendor);
        properties.put("quarkus.otel.sdk.disabled", "false");
        properties.put("quarkus.otel.exporter.otlp.traces.endpoint", collector.endpoint());
        // the first export of a cold JVM on a loaded machine can take longer than the default second
        properties.put("flowgate.tracing.flush-timeout", "20S");
        configuration = properties;
        return properties;
    }

    @AfterAll
    static void stop() throws Exception {
        PackagedSetup.closeAll(lambda, vendor, collector);
    }

    @Test
    void exportsEachVendorCallAsASpanOfTheInvocationsTraceWithoutSecretsOrPersonalData() throws Exception {
        String reference = "tracing-" + UUID.randomUUID();
        var created = createSession("{\"flow\":\"individuals\",\"reference\":\"" + reference + "\",\"prefill\":{"
                + "\"iin\":{\"value\":\"" + IIN + "\"},\"phone\":{\"value\":\"+7" + PHONE_DIGITS + "\"},"
                + "\"photo\":\"" + PHOTO + "\"}}");
        String sessionId = created.path("sessionId");
        String createTrace = lastTraceHeader();
        assertEquals(1, collector.spans().size(), "the create span is exported before the invocation answers; "
                + collector.requests() + " requests to " + collector.paths() + ", undecodable: " + collector.failures()
                + ", exports: " + collector.exports());

        URI callback = URI.create(query(URI.create(created.<String>path("verificationUrl")).getRawQuery())
                .get("redirect"));
        String state = query(callback.getRawQuery()).get("state");
        collectResult(sessionId).then().statusCode(200).body("status", equalTo("COMPLETED"));
        String collectTrace = lastTraceHeader();
        arriveAtCallback(callback).then().statusCode(200);
        assertEquals(2, collector.spans().size(), "the callback of a completed session calls no vendor");
        vendor.serveVideo("tracing-it video".getBytes(StandardCharsets.UTF_8), "video/mp4");
        given().when().get("/sessions/" + sessionId + "/video").then().statusCode(200);
        String videoTrace = lastTraceHeader();
        vendor.failCreationWith(503);
        try {
            given().contentType("application/json").body("{\"flow\":\"individuals\"}").post("/createSession")
                    .then().statusCode(503);
        } finally {
            vendor.failCreationWith(0);
        }
        String failedTrace = lastTraceHeader();

        List<Received> spans = collector.spans();
        assertEquals(List.of("flow-remote create", "flow-remote result", "flow-remote video", "flow-remote create"),
                spans.stream().map(s -> s.span().getName()).toList(), "no span but these");
        assertVendorSpan(spans.get(0).span(), createTrace, "create", "POST", "ok", null);
        assertVendorSpan(spans.get(1).span(), collectTrace, "result", "GET", "ok", null);
        assertVendorSpan(spans.get(2).span(), videoTrace, "video", "GET", "ok", 200L);
        assertVendorSpan(spans.get(3).span(), failedTrace, "create", "POST", "server_error", 503L);
        assertEquals(Status.StatusCode.STATUS_CODE_ERROR, spans.get(3).span().getStatus().getCode());
        assertEquals(Status.StatusCode.STATUS_CODE_UNSET, spans.get(0).span().getStatus().getCode());
        assertEquals(List.of("/v1/traces"), collector.paths().stream().distinct().toList());

        List<String> secrets = new ArrayList<>(List.of(sessionId, reference, IIN, PHONE_DIGITS, PHOTO.substring(0, 40), state,
                state.substring(state.length() - 20), "flow_api_key", "api_key", "session_id", "state="));
        configuration.forEach((name, value) -> {
            if (name.contains("secret") || name.contains("key") || name.contains("sha256")) {
                secrets.add(value);
            }
        });
        for (Received received : spans) {
            String fields = everyField(received);
            for (String secret : secrets) {
                assertFalse(fields.contains(secret), "a span carries " + secret + ": " + fields);
            }
        }
    }

    private static void assertVendorSpan(Span span, String traceHeader, String endpoint, String method,
            String outcome, Long status) {
        Matcher root = ROOT.matcher(traceHeader);
        assertTrue(root.find(), traceHeader);
        assertEquals(root.group(1) + root.group(2), HexFormat.of().formatHex(span.getTraceId().toByteArray()),
                "the span is in the invocation's trace");
        assertEquals(root.group(3), HexFormat.of().formatHex(span.getParentSpanId().toByteArray()),
                "the span's parent is Lambda's segment of the invocation");
        assertEquals(Span.SpanKind.SPAN_KIND_CLIENT, span.getKind());
        Map<String, Object> attributes = attributes(span.getAttributesList());
        assertTrue(ATTRIBUTES.containsAll(attributes.keySet()), "no attribute but ours: " + attributes);
        assertEquals(endpoint, attributes.get("flowgate.vendor.endpoint"));
        assertEquals(outcome, attributes.get("flowgate.vendor.outcome"));
        assertEquals(1L, attributes.get("flowgate.vendor.attempt"));
        assertEquals(method, attributes.get("http.request.method"));
        assertEquals("127.0.0.1", attributes.get("server.address"));
        assertEquals(status, attributes.get("http.response.status_code"));
        assertEquals(outcome.equals("ok") ? null : outcome, attributes.get("error.type"));
        assertEquals(0, span.getEventsCount(), "no events (no exception is recorded)");
        assertEquals(0, span.getLinksCount());
        assertTrue(span.getEndTimeUnixNano() >= span.getStartTimeUnixNano());
    }

    /** The trace header of the last event the function was handed. */
    private static String lastTraceHeader() {
        List<String> headers = lambda.runtimeApi().traceHeaders();
        return headers.get(headers.size() - 1);
    }

    /** Every name and value of the span, its events and links, its scope and its resource, as text. */
    private static String everyField(Received received) {
        StringBuilder fields = new StringBuilder();
        fields.append(received.resource().toString()).append('\n');
        fields.append(received.scope().getScope().toString()).append(received.scope().getSchemaUrl()).append('\n');
        fields.append(received.span().toString());
        return fields.toString();
    }

    private static Map<String, Object> attributes(List<KeyValue> values) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (KeyValue value : values) {
            AnyValue any = value.getValue();
            attributes.put(value.getKey(), switch (any.getValueCase()) {
                case STRING_VALUE -> any.getStringValue();
                case INT_VALUE -> any.getIntValue();
                case BOOL_VALUE -> any.getBoolValue();
                case DOUBLE_VALUE -> any.getDoubleValue();
                default -> any.toString();
            });
        }
        return attributes;
    }
}
