package io.flowgate.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docs/troubleshooting.md explains every problem code that the application's code can answer. */
class TroubleshootingCodesTest {

    static final Path TROUBLESHOOTING = Path.of("docs", "troubleshooting.md");
    static final Path SOURCES = Path.of("src", "main", "java");

    /** {@code Problem.of(status, "Title", "code", ...)}, and the two codes of a {@code cond ? "a" : "b"} there. */
    private static final Pattern PROBLEM = Pattern.compile(
            "Problem\\.of\\(\\s*\\w+,\\s*\"[^\"]*\",\\s*(?:[\\w.()]+\\s*\\?\\s*\"([a-z0-9_]+)\"\\s*:\\s*)?\"([a-z0-9_]+)\"");
    /** The exceptions that carry their own code. */
    private static final Pattern CODED_EXCEPTION = Pattern.compile(
            "new (?:InvalidRequestException|WebhookConflictException|SessionConflictException)\\(\\s*\"([a-z0-9_]+)\"");

    @Test
    void everyProblemCodeOfTheCodeHasARowInTroubleshooting() throws IOException {
        Set<String> codes = codesInTheCode();
        String page = Files.readString(TROUBLESHOOTING);
        List<String> unexplained = new ArrayList<>();
        for (String code : codes) {
            String shown = code.equals("http_") ? "`http_<status>`" : "`" + code + "`";
            if (page.lines().noneMatch(line -> line.startsWith("|") && line.contains(shown))) {
                unexplained.add(code);
            }
        }

        assertTrue(codes.size() > 40, "codes found in " + SOURCES + ": " + codes);
        assertTrue(codes.containsAll(Set.of("invalid_iin", "reference_in_progress", "webhook_pending", "http_")),
                codes.toString());
        assertEquals(List.of(), unexplained, "codes without a row in " + TROUBLESHOOTING);
    }

    private static Set<String> codesInTheCode() throws IOException {
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher problem = PROBLEM.matcher(source);
                while (problem.find()) {
                    if (problem.group(1) != null) {
                        codes.add(problem.group(1));
                    }
                    codes.add(problem.group(2));
                }
                Matcher coded = CODED_EXCEPTION.matcher(source);
                while (coded.find()) {
                    codes.add(coded.group(1));
                }
            }
        }
        return codes;
    }
}
