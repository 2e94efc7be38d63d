package io.flowgate.journey;

import io.flowgate.store.DynamoDbStoreProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link InterchangeableTechJourneys} on the DynamoDB store (dynalite). */
@QuarkusTest
@TestProfile(DynamoDbStoreProfile.class)
class DynamoDbInterchangeableTechTest extends InterchangeableTechJourneys {
}
