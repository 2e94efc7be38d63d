package io.flowgate.bench;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flowgate.sandbox.Endpoint;
import io.flowgate.sandbox.Fault;
import io.flowgate.sandbox.Sandbox;
import io.flowgate.store.SessionRecord;
import io.flowgate.store.SessionStore;
import io.flowgate.testsupport.MutableClock;
import io.flowgate.testsupport.StoreFaults;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The fault campaign of issue 12, a benchmark (bench/fault-campaign.sh runs it; the build does not): N
 * createSession requests with a reference each, with faults drawn at random — the vendor refusing or failing
 * creation or results (20 %), the store refusing the record once or twice (5 %), and requests that die after
 * the vendor's answer (the store refusing the record until the request gives up: a dead request leaves the same
 * state, since the record is the only write after the reservation's). Failed requests are repeated once, as an
 * integrator would; half the people finish their flow. Then time passes the deadline and the sweep runs twice.
 * It prints what the vendor created, what flowgate recorded and made final, what is orphaned and what was paid
 * twice, and fails unless none is orphaned or paid twice and every session is final.
 */
@Tag("bench")
abstract class FaultCampaign {

    static final int SESSIONS = Integer.getInteger("campaign.sessions", 200);
    static final long SEED = Long.getLong("campaign.seed", 20261204L);
    /** The session's lifetime and grace (the defaults), and a minute more. */
    static final Duration PAST_DEADLINE = Duration.ofMinutes(16);

    @Inject
    Sandbox sandbox;

    @Inject
    SessionStore store;

    @Inject
    StoreFaults storeFaults;

    @Inject
    MutableClock clock;

    abstract String storeName();

    @Test
    void everySessionEndsFinalNoneIsLostNoneIsPaidTwice() {
        Random random = new Random(SEED);
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<Plan, Integer> drawn = new java.util.EnumMap<>(Plan.class);
        List<String> failed = new ArrayList<>();
        int died = 0;
        for (int i = 0; i < SESSIONS; i++) {
            String reference = "camp-" + run + "-" + i;
            Plan plan = Plan.draw(random);
            drawn.merge(plan, 1, Integer::sum);
            prepare(plan, random);
            Response answer = create(reference);
            storeFaults.clear();
            if (plan == Plan.REQUEST_DIES) {
                died++;
            } else if (answer.statusCode() != 200) {
                failed.add(reference);
            } else {
                afterCreation(plan, random, answer.path("sessionId"));
            }
        }
        int repeatedOk = 0;
        for (String reference : failed) {
            Response answer = create(reference);
            if (answer.statusCode() == 200) {
                repeatedOk++;
                afterCreation(Plan.NONE, random, answer.path("sessionId"));
            }
        }

        clock.advance(PAST_DEADLINE);
        int recovered = sweep() + sweep();

        Set<String> paid = sandbox.sessionIds();
        Map<String, Integer> paidPerReference = new HashMap<>();
        int recorded = 0;
        int finalCount = 0;
        for (String sessionId : paid) {
            Optional<SessionRecord> record = store.find(sessionId);
            if (record.isEmpty()) {
                continue;
            }
            recorded++;
            finalCount += record.get().unfinished() ? 0 : 1;
            paidPerReference.merge(record.get().reference(), 1, Integer::sum);
        }
        long paidTwice = paidPerReference.values().stream().filter(count -> count > 1).count();
        int orphaned = paid.size() - recorded;
        System.out.printf("%nfault campaign, %s store, seed %d: %d requests with a reference%n", storeName(), SEED,
                SESSIONS);
        drawn.forEach((plan, count) -> System.out.printf("  %-60s %d%n", plan.description, count));
        System.out.printf("requests failed, then repeated once: %d (answered 200 on the repeat: %d)%n",
                failed.size(), repeatedOk);
        System.out.printf("requests that died, never repeated: %d; their sessions stored by the sweep: %d%n", died,
                recovered);
        System.out.printf("sessions created at the vendor: %d%n", paid.size());
        System.out.printf("recorded: %d, orphaned: %d%n", recorded, orphaned);
        System.out.printf("final after the deadline and two sweeps: %d of %d (%.1f %%)%n", finalCount, recorded,
                recorded == 0 ? 100.0 : 100.0 * finalCount / recorded);
        System.out.printf("references paid twice: %d%n%n", paidTwice);

        assertEquals(0, orphaned, "orphaned");
        assertEquals(0, paidTwice, "paid twice");
        assertEquals(recorded, finalCount, "final");
    }

    /** What happens around one request. */
    enum Plan {
        NONE("no fault"),
        VENDOR_FAILS_CREATION("the vendor fails the creation (500, 503, 429, connection closed)"),
        VENDOR_REFUSES_RESULTS("the vendor refuses the results (403, 401, 400, 500)"),
        STORE_REFUSES("the store refuses the record once or twice"),
        REQUEST_DIES("the request dies after the vendor's answer (no record, no repeat)");

        final String description;

        Plan(String description) {
            this.description = description;
        }

        /** Vendor faults 20 %, store faults 5 %, dead requests 3 %. */
        static Plan draw(Random random) {
            double draw = random.nextDouble();
            return draw < 0.10 ? VENDOR_FAILS_CREATION
                    : draw < 0.20 ? VENDOR_REFUSES_RESULTS
                    : draw < 0.25 ? STORE_REFUSES
                    : draw < 0.28 ? REQUEST_DIES
                    : NONE;
        }
    }

    private void prepare(Plan plan, Random random) {
        switch (plan) {
            case VENDOR_FAILS_CREATION -> sandbox.injectNext(Endpoint.CREATE, 1, switch (random.nextInt(4)) {
                case 0 -> Fault.status(500);
                case 1 -> Fault.status(503);
                case 2 -> Fault.status(429);
                default -> Fault.closeConnection();
            });
            case STORE_REFUSES -> storeFaults.failNextCreates(1 + random.nextInt(2));
            case REQUEST_DIES -> storeFaults.failNextCreates(3);
            default -> {
            }
        }
    }

    private void afterCreation(Plan plan, Random random, String sessionId) {
        if (plan == Plan.VENDOR_REFUSES_RESULTS) {
            sandbox.injectForSession(sessionId, Endpoint.RESULT, switch (random.nextInt(4)) {
                case 0 -> Fault.status(403);
                case 1 -> Fault.status(401);
                case 2 -> Fault.status(400, "Session is no longer valid.");
                default -> Fault.status(500);
            });
        }
        if (random.nextBoolean()) {
            sandbox.complete(sessionId, Map.of());
        }
    }

    private static Response create(String reference) {
        return given().contentType(ContentType.JSON)
                .body("{\"flow\": \"everyone\", \"reference\": \"" + reference + "\"}")
                .post("/createSession");
    }

    /** One sweep; how many paid sessions it stored for requests that died. */
    private static int sweep() {
        return given().contentType(ContentType.JSON).body("{}").post("/sweep").then().statusCode(200).extract()
                .path("recovered");
    }
}
