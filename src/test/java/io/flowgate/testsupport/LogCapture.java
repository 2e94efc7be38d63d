package io.flowgate.testsupport;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Collects every log line the application writes while installed (message, parameters applied, the
 * invocation's log context (MDC) and any stack trace), so tests can assert what never reaches a log. For a whole test, a field
 * {@code @RegisterExtension final LogCapture logs = new LogCapture();} installs it before each test
 * and removes it after; for part of a test, {@link #install()} in a try-with-resources.
 */
public final class LogCapture extends Handler implements BeforeEachCallback, AfterEachCallback, AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final List<Line> records = new CopyOnWriteArrayList<>();

    /** One record: its level, logger, message (parameters applied) and log context (MDC) when it was written. */
    public record Line(String level, String logger, String message, Map<String, String> mdc) {
    }

    public LogCapture() {
        setLevel(Level.ALL);
    }

    /** A capture installed from now until {@link #close()}. */
    public static LogCapture install() {
        LogCapture capture = new LogCapture();
        Logger.getLogger("").addHandler(capture);
        return capture;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        lines.clear();
        records.clear();
        Logger.getLogger("").addHandler(this);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    @Override
    public void publish(LogRecord record) {
        String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        Map<String, String> mdc = record instanceof ExtLogRecord ext ? new TreeMap<>(ext.getMdcCopy()) : Map.of();
        records.add(new Line(record.getLevel().getName(), record.getLoggerName(), message, Map.copyOf(mdc)));
        StringBuilder line = new StringBuilder()
                .append(record.getLevel()).append(' ').append(record.getLoggerName()).append(' ').append(message);
        if (!mdc.isEmpty()) {
            line.append(" mdc=").append(mdc);
        }
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.append('\n').append(trace);
        }
        lines.add(line.toString());
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    public List<Line> records() {
        return List.copyOf(records);
    }

    /** Every captured line, joined: for "never contains" assertions. */
    public String text() {
        return String.join("\n", lines);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
