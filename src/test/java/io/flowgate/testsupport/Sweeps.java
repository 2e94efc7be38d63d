package io.flowgate.testsupport;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;

/** {@code POST /sweep} as the tests make it, through whatever REST Assured points at. */
public final class Sweeps {

    private Sweeps() {
    }

    /** One sweep: its report. */
    public static JsonPath sweep() {
        return given().contentType(ContentType.JSON).body("{}").post("/sweep").then().statusCode(200).extract()
                .jsonPath();
    }

    /** Sweeps until a sweep finds nothing due; fails after ten. */
    public static List<JsonPath> sweepUntilNothingIsDue() {
        List<JsonPath> reports = new ArrayList<>();
        for (int run = 0; run < 10; run++) {
            JsonPath report = sweep();
            reports.add(report);
            if (report.getInt("examined") == 0) {
                return reports;
            }
        }
        throw new AssertionError("sessions were still due after ten sweeps: " + reports.get(9).prettify());
    }

    /** The sum of {@code count} over {@code reports}. */
    public static int total(List<JsonPath> reports, String count) {
        return reports.stream().mapToInt(report -> report.getInt(count)).sum();
    }
}
