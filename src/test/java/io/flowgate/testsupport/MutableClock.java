package io.flowgate.testsupport;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application's {@link Clock} in every {@code @QuarkusTest}: real UTC time, shifted by whatever
 * the tests have advanced it, or stopped by {@link #freeze()} for a test that needs exact ages. The
 * application, and so this clock, outlives the test: {@link FreshStart} resets it before each test.
 */
@Singleton
@Alternative
@Priority(1)
public class MutableClock extends Clock {

    private Duration offset = Duration.ZERO;
    private Instant frozenAt;

    /** Moves time forward (or back, with a negative duration) for everything that reads the clock. */
    public synchronized void advance(Duration duration) {
        offset = offset.plus(duration);
    }

    /** Stops time where it is now; {@link #advance} still moves it. */
    public synchronized void freeze() {
        frozenAt = Instant.now();
    }

    /** Back to real time, running. */
    public synchronized void reset() {
        offset = Duration.ZERO;
        frozenAt = null;
    }

    @Override
    public synchronized Instant instant() {
        return (frozenAt == null ? Instant.now() : frozenAt).plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        MutableClock source = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return source.withZone(other);
            }

            @Override
            public Instant instant() {
                return source.instant();
            }
        };
    }
}
