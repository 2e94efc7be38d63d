package io.flowgate.sandbox;

import static io.flowgate.sandbox.SandboxHttp.RESULT;
import static io.flowgate.sandbox.SandboxHttp.createSession;
import static io.flowgate.sandbox.SandboxHttp.key;
import static io.flowgate.sandbox.SandboxHttp.sandbox;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.flowgate.testsupport.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FlowPageTest {

    private static final String RETURN = "https://shop.example.com/kyc/return?state=abc&x=1";
    private static final String ED_OR_DR = "\"metadata\": {\"general\": {\"interchangeable_tech\": [\"ED\", \"DR\"]}}";

    @Inject
    Sandbox sandbox;

    @Inject
    MutableClock clock;

    private static String page(String session) {
        return "/sandbox/flow/" + session;
    }

    private static RequestSpecification form() {
        return sandbox().contentType(ContentType.URLENC);
    }

    @Test
    void showsTheFlowsTechnologiesInRussianByDefault() {
        String session = createSession("individuals");
        sandbox().queryParam("redirect", RETURN).get(page(session))
                .then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<html lang=\"ru\">"))
                .body(containsString("<form id=\"flow\" method=\"post\" action=\"/sandbox/flow/" + session + "\">"))
                .body(containsString("<input type=\"hidden\" name=\"redirect\" value=\""
                        + "https://shop.example.com/kyc/return?state=abc&amp;x=1\">"))
                .body(containsString("<input type=\"hidden\" name=\"locale\" value=\"ru\">"))
                .body(containsString("<legend>LD — Определение живости человека по лицу</legend>"))
                .body(containsString("<legend>ED — Электронный документ: ИИН, телефон и код из 1414</legend>"))
                .body(containsString("<legend>F2F — Определение схожести двух лиц по фото</legend>"))
                .body(containsString("<input type=\"radio\" id=\"LD-pass\" name=\"LD\" value=\"pass\" checked> Пройдена"))
                .body(containsString("<input type=\"radio\" id=\"ED-fail\" name=\"ED\" value=\"fail\"> Не пройдена"))
                .body(containsString("<input type=\"radio\" id=\"F2F-skip\" name=\"F2F\" value=\"skip\"> Пропущена"))
                .body(containsString("<button type=\"submit\" id=\"submit\">Завершить</button>"))
                .body(not(containsString("<select")));
    }

    @Test
    void offersTheOtherMembersOfTheInterchangeableGroupForATechnologyInIt() {
        String session = createSession("individuals", ED_OR_DR);
        sandbox().queryParam("locale", "en").get(page(session))
                .then().statusCode(200)
                .body(containsString("<label for=\"ED-instead\">Pass instead: <select id=\"ED-instead\" "
                        + "name=\"ED-instead\">\n"
                        + "        <option value=\"\" selected>ED — this one</option>\n"
                        + "        <option value=\"DR\">DR — Document recognition</option>\n"
                        + "      </select></label>\n"))
                .body(not(containsString("LD-instead")))
                .body(not(containsString("F2F-instead")));
    }

    @Test
    void submittingASubstituteGivesItsResultInsteadOfTheReplacedOnes() {
        String session = createSession("individuals", ED_OR_DR);
        form().formParam("ED", "pass").formParam("ED-instead", "DR").formParam("redirect", RETURN)
                .post(page(session))
                .then().statusCode(303).header("Location", RETURN);

        assertEquals(Map.of("ED", "DR"), sandbox.session(session).orElseThrow().substitutes());
        sandbox().queryParam("session_id", session).queryParam("flow_api_key", key("individuals"))
                .get(RESULT).then().statusCode(200)
                .body("liveness_result.is_live", equalTo(true))
                .body("document_recognition_result.is_recognized", equalTo(true))
                .body("edocument_result", equalTo(null))
                .body("face2face_result.is_same_person", equalTo(true));
    }

    @Test
    void choosingTheTechnologyItselfReplacesNothing() {
        String session = createSession("individuals", ED_OR_DR);
        form().formParam("ED", "fail").formParam("ED-instead", "").post(page(session)).then().statusCode(200);

        assertEquals(Map.of(), sandbox.session(session).orElseThrow().substitutes());
        sandbox().queryParam("session_id", session).queryParam("flow_api_key", key("individuals"))
                .get(RESULT).then().statusCode(200)
                .body("edocument_result.is_verified", equalTo(false))
                .body("document_recognition_result", equalTo(null));
    }

    @Test
    void aSubstituteOutsideTheGroupIsRefused() {
        String grouped = createSession("individuals", ED_OR_DR);
        String ungrouped = createSession("individuals");
        form().formParam("ED-instead", "F2F").formParam("locale", "en").post(page(grouped))
                .then().statusCode(400).body(containsString("Invalid request"));
        form().formParam("ED-instead", "DR").formParam("locale", "en").post(page(ungrouped))
                .then().statusCode(400).body(containsString("Invalid request"));
        assertFalse(sandbox.session(grouped).orElseThrow().completed());
        assertFalse(sandbox.session(ungrouped).orElseThrow().completed());
    }

    @Test
    void showsThePageInEnglishWhenAsked() {
        String session = createSession("legal-entities");
        sandbox().queryParam("locale", "en").get(page(session))
                .then().statusCode(200)
                .body(containsString("<html lang=\"en\">"))
                .body(containsString("<legend>DR — Document recognition</legend>"))
                .body(containsString("<input type=\"radio\" id=\"DR-pass\" name=\"DR\" value=\"pass\" checked> Passed"))
                .body(containsString("<input type=\"hidden\" name=\"locale\" value=\"en\">"))
                .body(containsString("<input type=\"hidden\" name=\"redirect\" value=\"\">"))
                .body(containsString("<button type=\"submit\" id=\"submit\">Finish</button>"));
    }

    @Test
    void anUnsupportedLocaleFallsBackToRussianAndIsNotEchoed() {
        String session = createSession("everyone");
        sandbox().queryParam("locale", "<script>").get(page(session))
                .then().statusCode(200).body(containsString("<html lang=\"ru\">")).body(not(containsString("<script>")));
    }

    @Test
    void escapesTheRedirectItEchoes() {
        String session = createSession("everyone");
        sandbox().queryParam("redirect", "https://x.example/\"><script>alert('x')</script>").get(page(session))
                .then().statusCode(200)
                .body(not(containsString("<script>")))
                .body(containsString("value=\"https://x.example/&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;\""));
    }

    @Test
    void submittingRecordsTheOutcomesAndRedirectsWith303() {
        String session = createSession("individuals");
        form().formParam("LD", "pass").formParam("ED", "fail").formParam("F2F", "skip")
                .formParam("redirect", RETURN).formParam("locale", "ru")
                .post(page(session))
                .then().statusCode(303).header("Location", RETURN);
        assertEquals(Map.of("LD", Outcome.PASS, "ED", Outcome.FAIL, "F2F", Outcome.SKIP),
                sandbox.session(session).orElseThrow().outcomes());
        sandbox().queryParam("session_id", session).queryParam("flow_api_key", key("individuals"))
                .get(RESULT).then().statusCode(200)
                .body("liveness_result.is_live", equalTo(true))
                .body("edocument_result.is_verified", equalTo(false))
                .body("face2face_result", equalTo(null));
    }

    @Test
    void technologiesLeftOutPass() {
        String session = createSession("everyone");
        form().formParam("redirect", "").formParam("locale", "en").post(page(session))
                .then().statusCode(200).body(containsString("<h1 id=\"heading\">Check completed</h1>"));
        assertEquals(Map.of("LDHP", Outcome.PASS, "F2F", Outcome.PASS), sandbox.session(session).orElseThrow().outcomes());
    }

    @Test
    void withoutAnAbsoluteHttpRedirectItShowsTheDonePage() {
        for (String redirect : new String[] {"/relative", "javascript:alert(1)", "ftp://x.example/", "https://"}) {
            String session = createSession("everyone");
            form().formParam("redirect", redirect).post(page(session))
                    .then().statusCode(200).body(containsString("<h1 id=\"heading\">Проверка завершена</h1>"));
        }
    }

    @Test
    void aSessionIsPassedOnce() {
        String session = createSession("everyone");
        form().formParam("LDHP", "fail").post(page(session)).then().statusCode(200);
        form().formParam("LDHP", "pass").formParam("locale", "en").post(page(session))
                .then().statusCode(409).body(containsString("The check for this session is already completed."));
        sandbox().get(page(session)).then().statusCode(200)
                .body(containsString("Проверка по этой сессии уже завершена.")).body(not(containsString("<form")));
        assertEquals(Outcome.FAIL, sandbox.session(session).orElseThrow().outcomes().get("LDHP"));
    }

    @Test
    void anUnknownChoiceIsRefused() {
        String session = createSession("everyone");
        form().formParam("LDHP", "maybe").formParam("locale", "en").post(page(session))
                .then().statusCode(400).body(containsString("Invalid request"));
        assertFalse(sandbox.session(session).orElseThrow().completed());
    }

    @Test
    void anUnknownSessionIsNotFound() {
        sandbox().queryParam("locale", "en").get(page("3fa85f64-5717-4562-b3fc-2c963f66afa6"))
                .then().statusCode(404).body(containsString("<h1 id=\"heading\">Session not found</h1>"));
        form().post(page("3fa85f64-5717-4562-b3fc-2c963f66afa6"))
                .then().statusCode(404).body(containsString("<h1 id=\"heading\">Сессия не найдена</h1>"));
    }

    @Test
    void theFlowIsOpenForTenMinutes() {
        clock.freeze();
        String session = createSession("everyone");
        clock.advance(Duration.ofMinutes(10));
        sandbox().get(page(session)).then().statusCode(200);
        clock.advance(Duration.ofSeconds(1));
        sandbox().get(page(session))
                .then().statusCode(410).body(containsString("<h1 id=\"heading\">Сессия истекла</h1>"));
        form().formParam("locale", "en").formParam("redirect", RETURN).post(page(session))
                .then().statusCode(410).body(containsString("<h1 id=\"heading\">Session expired</h1>"));
        assertFalse(sandbox.session(session).orElseThrow().completed());
    }

    @Test
    void anExpiredSessionStillAnswersWithWhatWasGoneThrough() {
        String done = createSession("everyone");
        sandbox.complete(done, Map.of("F2F", Outcome.SKIP));
        String abandoned = createSession("everyone");
        clock.advance(Duration.ofHours(2));
        sandbox().queryParam("session_id", done).queryParam("flow_api_key", key("everyone"))
                .get(RESULT).then().statusCode(200)
                .body("liveness_result.is_live", equalTo(true)).body("face2face_result", equalTo(null));
        sandbox().queryParam("session_id", abandoned).queryParam("flow_api_key", key("everyone"))
                .get(RESULT).then().statusCode(200)
                .body("id", equalTo(abandoned)).body("liveness_result", equalTo(null));
    }
}
