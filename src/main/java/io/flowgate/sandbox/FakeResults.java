package io.flowgate.sandbox;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * The body of the result endpoint for a session: {@code id}, the flow's {@code technologies} as
 * {@code {name, description}} objects, and one result object per technology the person went through
 * (passed: a positive result; failed: a negative one; skipped: none); for a technology the person replaced by
 * another member of the session's interchangeable group, the substitute's result field instead of its own. Every value is obviously fake
 * (TESTNAME SANDBOXOV, SANDBOX MINISTRY) yet well formed: the IIN passes its checksum and the birth
 * date matches it. The person is the same for every result of a session; an IIN prefilled at creation
 * is reused when it is a valid one, the prefilled phone always.
 */
final class FakeResults {

    static final String FAKE_PHONE = "+77000000000";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private FakeResults() {
    }

    static JsonObject of(SandboxSession session) {
        JsonObject body = new JsonObject().put("id", session.id());
        JsonArray technologies = new JsonArray();
        session.technologies().forEach(code -> technologies.add(Technology.of(code)
                .map(t -> new JsonObject().put("name", t.apiName()).put("description", t.apiDescription()))
                .orElseGet(() -> new JsonObject().put("name", code).put("description", ""))));
        body.put("technologies", technologies);
        Person person = Person.of(session);
        for (String code : session.technologies()) {
            if (session.wentThrough(code)) {
                boolean passed = session.outcomes().get(code) == Outcome.PASS;
                Technology.of(session.taken(code)).ifPresent(t -> body.put(t.resultField(), result(t, passed, person)));
            }
        }
        return body;
    }

    private static JsonObject result(Technology technology, boolean passed, Person person) {
        return switch (technology) {
            case LD, LDHP -> new JsonObject().put("is_live", passed).put("score", passed ? 0.98 : 0.12);
            case F2F -> new JsonObject().put("similarity", passed ? 0.93 : 0.31).put("is_same_person", passed);
            case ED -> edocument(passed, person);
            case DR -> documentRecognition(passed, person);
        };
    }

    private static JsonObject edocument(boolean passed, Person person) {
        JsonObject result = new JsonObject().put("iin", person.iin()).put("phone", person.phone());
        if (!passed) {
            return result.put("is_verified", false).put("error", "SANDBOX: the one-time code was not confirmed");
        }
        return names(result).put("date_of_birth", DATE.format(person.birthDate())).put("is_verified", true);
    }

    private static JsonObject documentRecognition(boolean passed, Person person) {
        if (!passed) {
            return new JsonObject().put("is_recognized", false)
                    .put("error", "SANDBOX: the document could not be recognized");
        }
        return names(new JsonObject())
                .put("personal_number", person.iin())
                .put("date_of_birth", DATE.format(person.birthDate()))
                .put("sex", FakeIin.sex(person.iin()))
                .put("nationality", "KAZ")
                .put("document_number", person.documentNumber())
                .put("authority", "SANDBOX MINISTRY")
                .put("date_of_issue", "01.01.2020")
                .put("date_of_expiry", "01.01.2030")
                .put("is_recognized", true);
    }

    private static JsonObject names(JsonObject result) {
        return result.put("first_name", "TESTNAME").put("last_name", "SANDBOXOV").put("patronymic", "FAKEOVICH");
    }

    private record Person(String iin, String phone, LocalDate birthDate, String documentNumber) {
        static Person of(SandboxSession session) {
            long seed = UUID.fromString(session.id()).getMostSignificantBits();
            String iin = session.prefill().iin().filter(FakeIin::isValid).orElseGet(() -> FakeIin.forSeed(seed));
            String phone = session.prefill().phone().orElse(FAKE_PHONE);
            String documentNumber = String.format("N0000%04d", Math.floorMod(seed, 10_000));
            return new Person(iin, phone, FakeIin.birthDate(iin).orElseThrow(), documentNumber);
        }
    }
}
