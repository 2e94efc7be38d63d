package io.flowgate.sandbox;

import java.time.Duration;
import java.util.Objects;

/** A misbehaviour a test asks the sandbox to show on an endpoint instead of (or before) its normal answer. */
public sealed interface Fault {

    /** Answer {@code status} with a Django REST Framework body {@code {"detail": detail}}. */
    record Status(int status, String detail) implements Fault {
        public Status {
            if (status < 100 || status > 599) {
                throw new IllegalArgumentException("not an HTTP status: " + status);
            }
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** Wait this long, then answer normally (if the client is still there). */
    record Delay(Duration duration) implements Fault {
        public Delay {
            if (duration.isNegative()) {
                throw new IllegalArgumentException("negative delay");
            }
        }
    }

    /** Close the connection without answering. */
    record CloseConnection() implements Fault {
    }

    /** Answer 200 {@code application/json} with a body that is not valid JSON. */
    record MalformedJson() implements Fault {
    }

    /** Answer 200 {@code application/json} with this body: an answer that is JSON but breaks an assumption. */
    record Body(String json) implements Fault {
        public Body {
            Objects.requireNonNull(json, "json");
        }
    }

    static Fault status(int status) {
        return new Status(status, defaultDetail(status));
    }

    static Fault status(int status, String detail) {
        return new Status(status, detail);
    }

    static Fault delay(Duration duration) {
        return new Delay(duration);
    }

    static Fault closeConnection() {
        return new CloseConnection();
    }

    static Fault malformedJson() {
        return new MalformedJson();
    }

    static Fault body(String json) {
        return new Body(json);
    }

    /** Django REST Framework's stock messages, where it has one. */
    private static String defaultDetail(int status) {
        return switch (status) {
            case 401 -> "Authentication credentials were not provided.";
            case 403 -> "You do not have permission to perform this action.";
            case 404 -> "Not found.";
            case 429 -> "Request was throttled. Expected available in 60 seconds.";
            case 500 -> "A server error occurred.";
            case 503 -> "Service temporarily unavailable, try again later.";
            default -> "Sandbox fault " + status + ".";
        };
    }
}
