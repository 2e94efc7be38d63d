package io.flowgate.journey;

import io.quarkus.test.junit.QuarkusTest;

/** {@link InterchangeableTechJourneys} on the memory store. */
@QuarkusTest
class InterchangeableTechTest extends InterchangeableTechJourneys {
}
