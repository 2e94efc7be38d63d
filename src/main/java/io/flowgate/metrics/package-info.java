/**
 * The adapter of the domain's metrics ({@link io.flowgate.flow.metrics.MetricSink}): CloudWatch Embedded Metric
 * Format lines on standard output ({@link io.flowgate.metrics.EmfLines}), and the count of cold starts. Uses
 * {@code flow.metrics} and {@code config}; nothing uses it but CDI.
 */
package io.flowgate.metrics;
