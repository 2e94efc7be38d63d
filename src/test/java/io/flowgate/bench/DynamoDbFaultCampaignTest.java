package io.flowgate.bench;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link FaultCampaign} on the DynamoDB store (dynalite). */
@QuarkusTest
@TestProfile(DynamoDbCampaignProfile.class)
class DynamoDbFaultCampaignTest extends FaultCampaign {

    @Override
    String storeName() {
        return "DynamoDB (dynalite)";
    }
}
