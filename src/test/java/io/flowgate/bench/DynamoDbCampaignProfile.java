package io.flowgate.bench;

import io.flowgate.testsupport.OnDynamoDbProfile;
import java.util.Map;

/** {@link CampaignProfile} on the DynamoDB store (dynalite), in a table of its own. */
public class DynamoDbCampaignProfile extends OnDynamoDbProfile {

    @Override
    protected Map<String, String> settings() {
        return new CampaignProfile().getConfigOverrides();
    }
}
