package io.flowgate.packaging;

import static io.flowgate.journey.Journeys.createSession;
import static io.flowgate.journey.Journeys.getResult;
import static io.flowgate.packaging.PackagedOnDynamoDb.assertFinal;
import static io.flowgate.packaging.PackagedOnDynamoDb.counts;
import static io.flowgate.packaging.PackagedOnDynamoDb.report;
import static io.flowgate.testsupport.Sweeps.sweep;
import static io.flowgate.testsupport.Sweeps.sweepUntilNothingIsDue;
import static io.flowgate.testsupport.Sweeps.total;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowgate.testsupport.Dynalite;
import io.flowgate.testsupport.TestCallers;
import io.flowgate.testsupport.lambda.ApiGatewayEvents;
import io.flowgate.testsupport.lambda.DynamoDbTrap;
import io.flowgate.testsupport.lambda.LambdaStack;
import io.flowgate.testsupport.lambda.PackagedFunction;
import io.flowgate.testsupport.lambda.StubVendor;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The function process killed with SIGKILL between the vendor's answer and the write of the session's record, on
 * the packaged artifact with the DynamoDB store (dynalite), then a cold start: a paid session with a reference is
 * never lost nor paid twice; one without a reference is in the killed process' log only (the documented limit,
 * docs/security.md). The kill comes from a {@link DynamoDbTrap} between the function and dynalite: it holds the
 * {@code PutItem} that creates the session's record, never forwarding it, and kills the process meanwhile.
 */
class ProcessKillIT {

    /** {@code flowgate.upstream.max-call-time}: a request that paid for a session counts as dead this + 10 s later. */
    private static final long MAX_CALL_SECONDS = 3;
    private static final long CREATION_HOLD_MS = (MAX_CALL_SECONDS + 10) * 1000;
    /**
     * Long enough for a restart, the orphan repair and the retry to fit in the session's lifetime on a loaded
     * machine (a cold start took 19 s there): past it, the reference is free again and a retry rightly pays anew.
     */
    private static final long LIFETIME_SECONDS = 50;
    private static final long GRACE_SECONDS = 1;
    /** Exit status of a process killed by signal 9, as {@link Process#exitValue()} reports it on Linux. */
    private static final int KILLED_BY_SIGKILL = 128 + 9;

    private static Dynalite dynalite;
    private static DynamoDbTrap trap;
    private static StubVendor vendor;
    private static DynamoDbClient table;
    private String tableName;
    private final List<LambdaStack> started = new ArrayList<>();

    @BeforeAll
    static void startTheStoreAndTheVendor() throws Exception {
        dynalite = Dynalite.start();
        trap = new DynamoDbTrap(dynalite.endpoint());
        vendor = new StubVendor();
        table = PackagedOnDynamoDb.dynamoDb(dynalite.endpoint());
    }

    @AfterEach
    void stopTheFunction() throws Exception {
        trap.disarm();
        vendor.personsLeaveEarly(false);
        for (LambdaStack lambda : started) {
            lambda.close();
        }
        RestAssured.reset();
    }

    @AfterAll
    static void stopTheStoreAndTheVendor() throws Exception {
        if (table != null) {
            table.close();
        }
        if (vendor != null) {
            vendor.close();
        }
        if (trap != null) {
            trap.close();
        }
        if (dynalite != null) {
            dynalite.close();
        }
    }

    @Test
    void aSessionWithAReferenceKilledBeforeItsRecordIsRecoveredBySweepAndAnsweredToTheRetryNeverPaidTwice()
            throws Exception {
        LambdaStack first = start("with-reference-1");
        int before = vendor.handedOut().size();
        String completed = createSession(request(reference())).path("sessionId");

        vendor.personsLeaveEarly(true);
        String reference = reference();
        Killed killed = killWhileRecording(first, request(reference));

        String paid = killed.sessionId();
        List<String> handedOut = vendor.handedOut().subList(before, vendor.handedOut().size());
        assertEquals(List.of(completed, paid), handedOut, "the vendor answered before the kill");
        Map<String, AttributeValue> reservation = item("reference#tests/" + reference);
        assertEquals(paid, reservation.get("pendingSession").m().get("sessionId").s(),
                "the vendor's session was durable in the reservation before the kill");
        assertTrue(item(paid).isEmpty(), "the session's record was not written before the kill");

        start("with-reference-2");
        PackagedOnDynamoDb.sleepUntil(killed.at() + CREATION_HOLD_MS + 500);
        assertEquals(report(2, 1, 0, 1, 0, 1), counts(sweep()), "the orphan recorded, then both sessions collected");
        getResult("{\"sessionId\":\"" + paid + "\"}").then().statusCode(200)
                .body("reference", equalTo(reference)).body("status", equalTo("PENDING"));

        int calls = vendor.createCalls();
        assertTrue(System.currentTimeMillis() < killed.at() + LIFETIME_SECONDS * 1000 - 2000,
                "the retry comes within the session's lifetime (else the machine was too slow for this test)");
        createSession(request(reference)).then().body("sessionId", equalTo(paid));
        assertEquals(calls, vendor.createCalls(),
                "the retry is answered without calling the vendor: nothing paid twice");
        assertEquals(handedOut, vendor.handedOut().subList(before, vendor.handedOut().size()));
        for (String sessionId : handedOut) {
            getResult("{\"sessionId\":\"" + sessionId + "\"}").then().statusCode(200);
        }

        PackagedOnDynamoDb.sleepUntil(killed.at() + (LIFETIME_SECONDS + GRACE_SECONDS) * 1000 + 500);
        List<JsonPath> reports = sweepUntilNothingIsDue();
        assertEquals(1, total(reports, "expired"));
        assertEquals(0, total(reports, "failed"));
        assertFinal(completed, "COMPLETED", null);
        assertFinal(paid, "EXPIRED", "abandoned");
        assertNull(item("reference#tests/" + reference).get("pendingSession"), "the reservation holds no orphan");
    }

    @Test
    void aSessionWithoutAReferenceKilledBeforeItsRecordIsOnlyInTheKilledProcessLog() throws Exception {
        LambdaStack first = start("without-reference-1");
        int created = vendor.handedOut().size();

        Killed killed = killWhileRecording(first, "{\"flow\":\"individuals\",\"locale\":\"en\"}");

        String paid = killed.sessionId();
        assertEquals(created + 1, vendor.handedOut().size(), "the vendor answered before the kill");
        assertEquals(paid, vendor.handedOut().get(created));
        assertTrue(item(paid).isEmpty(), "the session's record was not written before the kill");
        assertTrue(killed.log().lines().anyMatch(line -> line.contains("session.created sessionId=" + paid)),
                "the killed process logged the vendor's session id:\n" + killed.log());

        start("without-reference-2");
        assertEquals(0, sweep().getInt("recovered"), "nothing holds the session for the sweep to find");
        getResult("{\"sessionId\":\"" + paid + "\"}").then().statusCode(404).body("code", equalTo("session_not_found"));
    }

    /** What {@link #killWhileRecording} saw. */
    private record Killed(String sessionId, long at, String log) {
    }

    /**
     * Sends {@code body} to createSession on {@code lambda} (its answer never comes) and kills the process with
     * SIGKILL when it sends the write of the session's record; checks the kill.
     */
    private Killed killWhileRecording(LambdaStack lambda, String body) throws Exception {
        PackagedFunction function = lambda.instances().get(0);
        var held = trap.holdNext(DynamoDbTrap.Request::createsSessionRecord, () -> {
            try {
                function.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        lambda.runtimeApi().enqueue(ApiGatewayEvents.request("POST", "/createSession", null,
                Map.of("Content-Type", List.of("application/json"),
                        "Authorization", List.of(TestCallers.bearer(TestCallers.TOKEN))),
                body.getBytes(StandardCharsets.UTF_8)));
        DynamoDbTrap.Request record = held.get(30, TimeUnit.SECONDS);
        long at = System.currentTimeMillis();
        assertFalse(function.process().isAlive(), "the function was killed while its record's write was held");
        assertEquals(KILLED_BY_SIGKILL, function.process().exitValue(), "SIGKILL, not a clean shutdown");
        return new Killed(record.itemKey(), at, function.output());
    }

    private LambdaStack start(String name) throws Exception {
        if (tableName == null) {
            tableName = PackagedOnDynamoDb.freshTable();
        }
        Map<String, String> properties = PackagedOnDynamoDb.configuration(vendor, trap.endpoint(), tableName, Map.of(
                "flowgate.session.lifetime", LIFETIME_SECONDS + "S",
                "flowgate.session.grace", GRACE_SECONDS + "S",
                "flowgate.upstream.max-call-time", MAX_CALL_SECONDS + "S",
                "flowgate.sweep.older-than", "0S"));
        LambdaStack lambda = PackagedOnDynamoDb.start(properties,
                PackagedOnDynamoDb.TARGET.resolve("process-kill-it").resolve(name));
        started.add(lambda);
        return lambda;
    }

    private Map<String, AttributeValue> item(String key) {
        return table.getItem(get -> get.tableName(tableName).consistentRead(true)
                .key(Map.of("sessionId", AttributeValue.fromS(key)))).item();
    }

    private static String request(String reference) {
        return "{\"flow\":\"individuals\",\"reference\":\"" + reference + "\",\"locale\":\"en\"}";
    }

    private static String reference() {
        return "kill-" + UUID.randomUUID();
    }
}
