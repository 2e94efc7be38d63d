package io.flowgate.readme;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Code blocks of the README and the manual in {@code docs/}, found by the marker line before them: an HTML
 * comment such as {@code <!-- recipe: java ... -->}, which GitHub does not show.
 */
final class ReadmeBlocks {

    private ReadmeBlocks() {
    }

    /** The content of the first fenced code block after the line starting with {@code marker} in {@code file}. */
    static String after(Path file, String marker) throws IOException {
        return after(Files.readString(file), marker, file.toString());
    }

    /** The content of the first fenced code block after the line starting with {@code marker}. */
    static String after(String markdown, String marker) {
        return after(markdown, marker, "the text");
    }

    private static String after(String markdown, String marker, String name) {
        int at = markdown.indexOf("\n" + marker);
        if (at < 0) {
            throw new AssertionError(name + " has no line starting " + marker);
        }
        int fence = markdown.indexOf("\n```", at + 1);
        int start = markdown.indexOf('\n', fence + 1) + 1;
        int end = markdown.indexOf("\n```", start - 1);
        if (fence < 0 || end < 0) {
            throw new AssertionError(name + " has no code block after " + marker);
        }
        return markdown.substring(start, end + 1);
    }
}
