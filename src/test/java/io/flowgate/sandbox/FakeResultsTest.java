package io.flowgate.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FakeResultsTest {

    private static final String ID = "3fa85f64-5717-4562-b3fc-2c963f66afa6";

    @Test
    void anUnknownTechnologyPassesThroughByItsCodeWithoutAResult() {
        SandboxSession session = new SandboxSession(ID, "future", "key", List.of("LD", "VOICE"), Instant.EPOCH,
                SandboxSession.Prefill.NONE, Map.of("LD", Outcome.PASS, "VOICE", Outcome.PASS));
        JsonObject result = FakeResults.of(session);
        assertEquals(new JsonObject().put("name", "VOICE").put("description", ""),
                result.getJsonArray("technologies").getJsonObject(1));
        assertEquals(List.of("id", "technologies", "liveness_result"), List.copyOf(result.fieldNames()));
    }

    @Test
    void anInvalidPrefilledIinIsNotReusedButThePhoneIs() {
        SandboxSession session = new SandboxSession(ID, "individuals", "key", List.of("ED"), Instant.EPOCH,
                new SandboxSession.Prefill(Optional.of("123"), Optional.of("+77017654321")),
                Map.of("ED", Outcome.PASS));
        JsonObject edocument = FakeResults.of(session).getJsonObject("edocument_result");
        assertEquals(FakeIin.forSeed(UUID.fromString(ID).getMostSignificantBits()), edocument.getString("iin"));
        assertEquals("+77017654321", edocument.getString("phone"));
    }
}
