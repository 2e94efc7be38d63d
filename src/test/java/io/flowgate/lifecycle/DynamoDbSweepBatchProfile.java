package io.flowgate.lifecycle;

import io.flowgate.testsupport.OnDynamoDbProfile;
import java.util.Map;

/** {@link SweepBatchProfile} on the DynamoDB store (dynalite), in a table of its own. */
public class DynamoDbSweepBatchProfile extends OnDynamoDbProfile {

    @Override
    protected Map<String, String> settings() {
        return new SweepBatchProfile().getConfigOverrides();
    }
}
