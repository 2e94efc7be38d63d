package io.flowgate.bench;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link FaultCampaign} on the memory store. */
@QuarkusTest
@TestProfile(CampaignProfile.class)
class FaultCampaignTest extends FaultCampaign {

    @Override
    String storeName() {
        return "memory";
    }
}
