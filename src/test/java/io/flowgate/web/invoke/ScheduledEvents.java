package io.flowgate.web.invoke;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;

/** Lambda events as EventBridge and a manual {@code aws lambda invoke} send them, through the mock event server. */
final class ScheduledEvents {

    /** The event an EventBridge schedule (rule) sends its target, as AWS documents it. */
    static final String EVENTBRIDGE = """
            {"version":"0","id":"53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa","detail-type":"Scheduled Event",\
            "source":"aws.events","account":"123456789012","time":"2026-12-04T12:00:00Z","region":"eu-central-1",\
            "resources":["arn:aws:events:eu-central-1:123456789012:rule/flowgate-prod-sweep"],"detail":{}}""";

    private ScheduledEvents() {
    }

    /** Posts a raw Lambda event to the mock event server; its answer is the function's (or its error). */
    static Response invoke(String event) {
        return given().contentType("application/json").body(event).when().post("/_lambda_");
    }
}
