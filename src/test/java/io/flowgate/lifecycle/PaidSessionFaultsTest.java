package io.flowgate.lifecycle;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link PaidSessionFaults} on the memory store. */
@QuarkusTest
@TestProfile(SweepBatchProfile.class)
class PaidSessionFaultsTest extends PaidSessionFaults {
}
