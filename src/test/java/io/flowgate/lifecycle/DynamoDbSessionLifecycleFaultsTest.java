package io.flowgate.lifecycle;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link SessionLifecycleFaults} on the DynamoDB store (dynalite). */
@QuarkusTest
@TestProfile(DynamoDbSweepBatchProfile.class)
class DynamoDbSessionLifecycleFaultsTest extends SessionLifecycleFaults {
}
