package io.flowgate.lifecycle;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link SessionLifecycleFaults} on the memory store. */
@QuarkusTest
@TestProfile(SweepBatchProfile.class)
class SessionLifecycleFaultsTest extends SessionLifecycleFaults {
}
