package io.flowgate.readme;

/** Code blocks of the README, found by the marker line before them. */
final class ReadmeBlocks {

    private ReadmeBlocks() {
    }

    /** The content of the first fenced code block after the line starting with {@code marker}. */
    static String after(String readme, String marker) {
        int at = readme.indexOf("\n" + marker);
        if (at < 0) {
            throw new AssertionError("README.md has no line starting " + marker);
        }
        int fence = readme.indexOf("\n```", at + 1);
        int start = readme.indexOf('\n', fence + 1) + 1;
        int end = readme.indexOf("\n```", start - 1);
        if (fence < 0 || end < 0) {
            throw new AssertionError("README.md has no code block after " + marker);
        }
        return readme.substring(start, end + 1);
    }
}
