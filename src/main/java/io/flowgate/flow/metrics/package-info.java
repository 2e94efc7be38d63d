/**
 * The metrics of the domain's events ({@link io.flowgate.flow.metrics.Metrics}, named in
 * {@link io.flowgate.flow.metrics.MetricNames}), written through one port ({@link io.flowgate.flow.metrics.MetricSink})
 * whose adapter, {@code io.flowgate.metrics}, writes CloudWatch Embedded Metric Format lines. Uses {@code decision}
 * and {@code store}; the vendor's calls come in through the client's {@link io.flowgate.client.UpstreamCallListener}.
 */
package io.flowgate.flow.metrics;
