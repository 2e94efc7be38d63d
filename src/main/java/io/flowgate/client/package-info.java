/**
 * The vendor's Flow Remote API behind one bean ({@link io.flowgate.client.FlowRemoteClient}) that wraps the
 * REST Client generated from {@code src/main/openapi/flow-remote.yaml}: error classification, retries, timeouts,
 * no secrets in logs. Nothing else calls the vendor. Uses only {@code config}.
 */
package io.flowgate.client;
