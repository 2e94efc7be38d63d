package io.flowgate.flow.metrics;

import io.flowgate.client.UpstreamCallListener;
import io.flowgate.client.UpstreamOperation;
import jakarta.enterprise.context.ApplicationScoped;

/** The vendor client's calls, as {@link Metrics#vendorCall} metrics by endpoint and outcome. */
@ApplicationScoped
class VendorCallMetrics implements UpstreamCallListener {

    private final Metrics metrics;

    VendorCallMetrics(Metrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void called(UpstreamOperation operation, String outcome, boolean vendorFault, long elapsedMs) {
        metrics.vendorCall(operation.endpoint(), outcome, vendorFault, elapsedMs);
    }
}
