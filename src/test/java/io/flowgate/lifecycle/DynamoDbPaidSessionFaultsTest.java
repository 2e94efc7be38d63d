package io.flowgate.lifecycle;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link PaidSessionFaults} on the DynamoDB store (dynalite). */
@QuarkusTest
@TestProfile(DynamoDbSweepBatchProfile.class)
class DynamoDbPaidSessionFaultsTest extends PaidSessionFaults {
}
