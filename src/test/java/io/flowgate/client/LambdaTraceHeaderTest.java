package io.flowgate.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.trace.SpanContext;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LambdaTraceHeaderTest {

    @Test
    void readsTheXrayRootAsTheTraceIdAndTheParentWithItsSamplingDecision() {
        SpanContext parent = LambdaTraceHeader.parse(
                "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1").orElseThrow();

        assertEquals("5759e988bd862e3fe1be46a994272793", parent.getTraceId());
        assertEquals("53995c3f42cd8ad8", parent.getSpanId());
        assertTrue(parent.isSampled());
        assertTrue(parent.isRemote());
    }

    @Test
    void keepsLambdasDecisionNotToSample() {
        SpanContext parent = LambdaTraceHeader.parse(
                "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=0").orElseThrow();

        assertEquals(false, parent.isSampled());
    }

    @Test
    void readsTheFieldsInAnyOrderAndIgnoresOthers() {
        SpanContext parent = LambdaTraceHeader.parse(
                "Sampled=1;Lineage=a87bd80c:1;Parent=53995c3f42cd8ad8;Root=1-5759e988-bd862e3fe1be46a994272793")
                .orElseThrow();

        assertEquals("5759e988bd862e3fe1be46a994272793", parent.getTraceId());
        assertEquals("53995c3f42cd8ad8", parent.getSpanId());
    }

    @Test
    void givesNoParentForAnIncompleteOrMalformedHeader() {
        assertEquals(Optional.empty(), LambdaTraceHeader.parse(null));
        assertEquals(Optional.empty(), LambdaTraceHeader.parse(""));
        assertEquals(Optional.empty(), LambdaTraceHeader.parse("Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1"));
        assertEquals(Optional.empty(), LambdaTraceHeader.parse("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8"));
        assertEquals(Optional.empty(), LambdaTraceHeader.parse("Root=2-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1"));
        assertEquals(Optional.empty(), LambdaTraceHeader.parse("Root=1-5759e988-bd862e3fe1be46a99427279;Parent=53995c3f42cd8ad8;Sampled=1"));
        assertEquals(Optional.empty(), LambdaTraceHeader.parse("Root=1-00000000-000000000000000000000000;Parent=53995c3f42cd8ad8;Sampled=1"),
                "an all-zero trace id is invalid");
        assertEquals(Optional.empty(), LambdaTraceHeader.parse("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=0000000000000000;Sampled=1"));
    }
}
