package io.flowgate.readme;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The links of Markdown files as GitHub renders them: every relative link and image must name a file or folder of
 * the repository, and every anchor ({@code #…}, {@code page.md#…}) a heading of its page by GitHub's rules.
 * Links to {@code http(s):} and {@code mailto:} are not followed. Fenced code blocks are not read, and neither
 * are inline code spans that hold link syntax.
 */
final class MarkdownLinks {

    private static final Pattern FENCE = Pattern.compile("^\\s*(`{3,}|~{3,})");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})[ \\t]+(.*?)(?:[ \\t]+#+)?[ \\t]*$");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+)(.+?)\\1");
    /** {@code [text](target "title")} and {@code ![alt](target)}; the text may hold code spans and one level of brackets. */
    private static final Pattern INLINE_LINK = Pattern.compile(
            "!?\\[((?:[^\\[\\]]|\\[[^\\]]*\\])*)\\]\\(\\s*<?([^)\\s>]*)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern REFERENCE_DEFINITION = Pattern.compile("^ {0,3}\\[[^\\]]+\\]:\\s*<?([^\\s>]+)>?");
    private static final Pattern HTML_LINK = Pattern.compile("<(?:a|img)\\b[^>]*?\\b(?:href|src)=\"([^\"]*)\"",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\b[^>]*?\\b(?:id|name)=\"([^\"]*)\"",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
    private static final Pattern NOT_IN_SLUG = Pattern.compile("[^\\p{L}\\p{M}\\p{N}\\p{Pc} -]");

    /** One link as written: where it is and what it points at. */
    record Link(Path file, int line, String target) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + target;
        }
    }

    private final Path root;
    private final Map<Path, Set<String>> anchorsByFile = new HashMap<>();

    /** @param root the repository's root: no link may leave it */
    MarkdownLinks(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** Every link of {@code file} that does not resolve, each with the reason. */
    List<String> broken(Path file) throws IOException {
        List<String> broken = new ArrayList<>();
        for (Link link : links(file, Files.readString(file))) {
            String reason = problem(link);
            if (reason != null) {
                broken.add(link + " (" + reason + ")");
            }
        }
        return broken;
    }

    private String problem(Link link) throws IOException {
        String target = link.target();
        if (target.isEmpty()) {
            return "empty target";
        }
        if (SCHEME.matcher(target).find()) {
            String scheme = target.substring(0, target.indexOf(':')).toLowerCase(Locale.ROOT);
            return scheme.equals("http") || scheme.equals("https") || scheme.equals("mailto") ? null
                    : "scheme " + scheme + " is not checked";
        }
        int hash = target.indexOf('#');
        String path = URLDecoder.decode(hash < 0 ? target : target.substring(0, hash), StandardCharsets.UTF_8);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path resolved = path.isEmpty() ? link.file().toAbsolutePath().normalize()
                : link.file().toAbsolutePath().getParent().resolve(path).normalize();
        if (!resolved.startsWith(root)) {
            return "outside the repository";
        }
        if (!Files.exists(resolved)) {
            return "no such file";
        }
        if (anchor == null) {
            return null;
        }
        if (!resolved.getFileName().toString().endsWith(".md") || Files.isDirectory(resolved)) {
            return "an anchor into a file that is not Markdown";
        }
        Set<String> anchors = anchorsByFile.computeIfAbsent(resolved, MarkdownLinks::anchorsOf);
        return anchors.contains(anchor) ? null : "no heading " + anchor + " in " + root.relativize(resolved)
                + "; it has " + anchors;
    }

    private static Set<String> anchorsOf(Path file) {
        try {
            return anchors(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The anchors GitHub makes of a page: one per heading, in order, and those of HTML {@code id}s and {@code name}s. */
    static Set<String> anchors(String markdown) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> occurrences = new HashMap<>();
        for (String line : outsideFences(markdown)) {
            if (line == null) {
                continue;
            }
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                anchors.add(unique(slug(heading.group(2)), occurrences));
            }
            Matcher html = HTML_ANCHOR.matcher(line);
            while (html.find()) {
                anchors.add(html.group(1));
            }
        }
        return anchors;
    }

    /** github-slugger: a slug seen before gets {@code -1}, {@code -2}, … */
    private static String unique(String slug, Map<String, Integer> occurrences) {
        String result = slug;
        while (occurrences.containsKey(result)) {
            int next = occurrences.merge(slug, 1, Integer::sum);
            result = slug + "-" + next;
        }
        occurrences.put(result, 0);
        return result;
    }

    /**
     * GitHub's anchor of a heading: its text as rendered (code spans' content, links' text, no emphasis marks),
     * lower case, without punctuation other than {@code -} and {@code _}, each space a {@code -}.
     */
    static String slug(String heading) {
        StringBuilder text = new StringBuilder();
        Matcher code = CODE_SPAN.matcher(heading);
        int at = 0;
        while (code.find()) {
            text.append(rendered(heading.substring(at, code.start())));
            text.append(code.group(2).strip());
            at = code.end();
        }
        text.append(rendered(heading.substring(at)));
        String lower = text.toString().strip().toLowerCase(Locale.ROOT);
        return NOT_IN_SLUG.matcher(lower).replaceAll("").replace(' ', '-');
    }

    /** Markdown text outside code spans as rendered: links and images by their text, emphasis marks dropped. */
    private static String rendered(String markdown) {
        return markdown.replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1")
                .replaceAll("<[^>]+>", "")
                .replace("*", "")
                .replaceAll("(?<![\\p{L}\\p{N}])_+|_+(?![\\p{L}\\p{N}])", "");
    }

    /** The relative and absolute links of a page, in order. */
    static List<Link> links(Path file, String markdown) {
        List<Link> links = new ArrayList<>();
        List<String> lines = outsideFences(markdown);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line == null) {
                continue;
            }
            String text = withoutLinkLikeCodeSpans(line);
            Matcher inline = INLINE_LINK.matcher(text);
            while (inline.find()) {
                links.add(new Link(file, i + 1, inline.group(2)));
            }
            Matcher definition = REFERENCE_DEFINITION.matcher(text);
            if (definition.find()) {
                links.add(new Link(file, i + 1, definition.group(1)));
            }
            Matcher html = HTML_LINK.matcher(text);
            while (html.find()) {
                links.add(new Link(file, i + 1, html.group(1)));
            }
        }
        return links;
    }

    /** A code span that holds link syntax shows it, it is not a link: blanked out. */
    private static String withoutLinkLikeCodeSpans(String line) {
        Matcher code = CODE_SPAN.matcher(line);
        StringBuilder out = new StringBuilder();
        while (code.find()) {
            String span = code.group();
            code.appendReplacement(out, Matcher.quoteReplacement(
                    span.contains("](") || span.contains("<a ") || span.contains("<img ") ? " ".repeat(span.length())
                            : span));
        }
        code.appendTail(out);
        return out.toString();
    }

    /** The page's lines, those inside fenced code blocks (and the fences) as {@code null}. */
    private static List<String> outsideFences(String markdown) {
        List<String> lines = new ArrayList<>();
        String open = null;
        for (String line : markdown.split("\n", -1)) {
            Matcher fence = FENCE.matcher(line);
            if (open == null && fence.find()) {
                open = fence.group(1);
                lines.add(null);
            } else if (open != null) {
                if (fence.find() && fence.group(1).charAt(0) == open.charAt(0)
                        && fence.group(1).length() >= open.length() && line.strip().equals(fence.group(1))) {
                    open = null;
                }
                lines.add(null);
            } else {
                lines.add(line);
            }
        }
        return lines;
    }
}
