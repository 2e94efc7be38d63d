package io.flowgate.packaging;

import static io.flowgate.journey.Journeys.createSession;
import static io.flowgate.packaging.PackagedOnDynamoDb.assertFinal;
import static io.flowgate.packaging.PackagedOnDynamoDb.counts;
import static io.flowgate.packaging.PackagedOnDynamoDb.report;
import static io.flowgate.testsupport.Sweeps.sweep;
import static io.flowgate.testsupport.Sweeps.sweepUntilNothingIsDue;
import static io.flowgate.testsupport.Sweeps.total;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowgate.testsupport.Dynalite;
import io.flowgate.testsupport.lambda.LambdaStack;
import io.flowgate.testsupport.lambda.StubVendor;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A flow removed from the configuration between the creation of its sessions and their sweep, on the packaged
 * artifact with the DynamoDB store (dynalite): sessions of the flows {@code individuals} and {@code corporate} are
 * created, the function is stopped and started again without {@code corporate}, and the sweep goes on: the removed
 * flow's sessions hold back no other before their deadline and end EXPIRED with {@code statusReason=flow_removed}
 * after it; the others end by their own results.
 */
class FlowRemovedRestartIT {

    private static final long LIFETIME_SECONDS = 20;
    private static final long GRACE_SECONDS = 1;
    /** {@code flowgate.sweep.older-than}: a session is first due this long after its creation. */
    private static final long FIRST_DUE_SECONDS = 5;

    private static Dynalite dynalite;
    private static StubVendor vendor;
    private static LambdaStack lambda;

    @BeforeAll
    static void startTheStoreAndTheVendor() throws Exception {
        dynalite = Dynalite.start();
        vendor = new StubVendor();
    }

    @AfterAll
    static void stopEverything() throws Exception {
        RestAssured.reset();
        if (lambda != null) {
            lambda.close();
        }
        if (vendor != null) {
            vendor.close();
        }
        if (dynalite != null) {
            dynalite.close();
        }
    }

    @Test
    void theSessionsOfARemovedFlowExpireAsFlowRemovedAfterARestartAndHoldBackNoOther() throws Exception {
        Map<String, String> withCorporate = PackagedOnDynamoDb.configuration(vendor, dynalite.endpoint(),
                PackagedOnDynamoDb.freshTable(), Map.of(
                        "flowgate.flows.corporate.api-key", "packaged-it-corporate-key-0000000000000000000000",
                        "flowgate.session.lifetime", LIFETIME_SECONDS + "S",
                        "flowgate.session.grace", GRACE_SECONDS + "S",
                        "flowgate.sweep.older-than", FIRST_DUE_SECONDS + "S",
                        "flowgate.sweep.batch-size", "2"));
        Map<String, String> withoutCorporate = new HashMap<>(withCorporate);
        withoutCorporate.keySet().removeIf(name -> name.startsWith("flowgate.flows.corporate."));

        lambda = PackagedOnDynamoDb.start(withCorporate, logs("before"));
        long firstCreated = System.currentTimeMillis();
        String removedPassed = create("corporate");
        String removedLeft = create("corporate");
        String passed = create("individuals");
        vendor.personsLeaveEarly(true);
        String left = create("individuals");
        long lastCreated = System.currentTimeMillis();
        lambda.close();

        lambda = PackagedOnDynamoDb.start(withoutCorporate, logs("after"));
        PackagedOnDynamoDb.sleepUntil(lastCreated + FIRST_DUE_SECONDS * 1000 + 500);
        long deadline = firstCreated + (LIFETIME_SECONDS + GRACE_SECONDS) * 1000;
        assertTrue(System.currentTimeMillis() + 2000 < deadline, "the first sweeps run before the deadline");
        assertEquals(report(2, 0, 0, 0, 2, 0), counts(sweep()), "the removed flow's sessions, due first, fail");
        assertEquals(report(2, 1, 0, 1, 0, 0), counts(sweep()), "and are due later: the next sweep takes the others");

        PackagedOnDynamoDb.sleepUntil(lastCreated + (LIFETIME_SECONDS + GRACE_SECONDS) * 1000 + 500);
        List<JsonPath> reports = sweepUntilNothingIsDue();

        assertEquals(3, total(reports, "expired"));
        assertEquals(0, total(reports, "failed"));
        assertFinal(removedPassed, "EXPIRED", "flow_removed");
        assertFinal(removedLeft, "EXPIRED", "flow_removed");
        assertFinal(passed, "COMPLETED", null);
        assertFinal(left, "EXPIRED", "abandoned");
    }

    private static String create(String flow) {
        return createSession("{\"flow\":\"" + flow + "\",\"locale\":\"en\"}").path("sessionId");
    }

    private static Path logs(String run) {
        return PackagedOnDynamoDb.TARGET.resolve("flow-removed-it").resolve(run);
    }
}
