package io.flowgate.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README and the manual in docs/: every relative link, image and anchor resolves; the README stays short. */
class MarkdownLinksTest {

    static final Path README = Path.of("README.md");
    static final Path DOCS = Path.of("docs");
    static final long README_LIMIT = 15 * 1024;

    @Test
    void everyLinkOfTheReadmeAndTheManualResolves() throws IOException {
        MarkdownLinks links = new MarkdownLinks(Path.of(""));
        List<String> broken = new ArrayList<>();
        List<Path> pages = pages();
        for (Path page : pages) {
            broken.addAll(links.broken(page));
        }

        assertTrue(pages.size() > 10, "README.md and the pages of docs/: " + pages);
        assertEquals(List.of(), broken);
    }

    @Test
    void theReadmeIsAFrontPageOfAtMost15KB() throws IOException {
        long size = Files.size(README);

        assertTrue(size <= README_LIMIT, "README.md has " + size + " bytes; at most " + README_LIMIT
                + ": move the detail into docs/");
    }

    @Test
    void theReadmesFirstScreenShowsTheCommandsTheJourneyAndWhereTheApiIs() throws IOException {
        List<String> firstScreen = Files.readAllLines(README).subList(0, 40);
        String top = String.join("\n", firstScreen);

        assertTrue(top.contains("./mvnw quarkus:dev"), top);
        assertTrue(top.contains("./mvnw verify"), top);
        assertTrue(top.contains("```mermaid"), top);
        assertTrue(top.contains("](docs/api.md)"), top);
    }

    @Test
    void everyPageOfTheManualIsOnItsIndex() throws IOException {
        String index = Files.readString(DOCS.resolve("index.md"));

        for (Path page : pages()) {
            String name = page.getFileName().toString();
            if (page.startsWith(DOCS) && !name.equals("index.md")) {
                assertTrue(index.contains("](" + name + ")"), "docs/index.md has no line for " + name);
            }
        }
    }

    @Test
    void slugsFollowGitHubsRules() {
        assertEquals("post-createsession", MarkdownLinks.slug("`POST /createSession`"));
        assertEquals("get-callbackstate-the-browsers-return-public",
                MarkdownLinks.slug("`GET /callback?state=…` (the browser's return; public)"));
        assertEquals("get-sessionssessionidvideo", MarkdownLinks.slug("`GET /sessions/{sessionId}/video`"));
        assertEquals("1-create-the-parameters", MarkdownLinks.slug("1. Create the parameters"));
        assertEquals("snake_case-and-emphasis", MarkdownLinks.slug("`snake_case` and *emphasis*"));
        assertEquals("see-the-api", MarkdownLinks.slug("See [the API](api.md)"));
        assertEquals("a--b", MarkdownLinks.slug("A → B"));
        assertEquals(List.of("usage", "usage-1", "usage-2", "usage-1-1"),
                List.copyOf(MarkdownLinks.anchors("# Usage\n## Usage\n```\n# not a heading\n```\n## Usage\n## Usage 1\n")));
    }

    @Test
    void reportsABrokenLinkAnUnknownAnchorAndAMissingImage(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("docs"));
        Files.writeString(root.resolve("docs/api.md"), "# API\n\n## `POST /createSession`\n");
        Path readme = root.resolve("README.md");
        Files.writeString(readme, """
                # Title

                [fine](docs/api.md#post-createsession) [fine too](#title) [the web](https://example.com/x#y)
                [missing page](docs/apis.md) [unknown anchor](docs/api.md#createsession) [here](#nowhere)
                ![missing image](docs/nothing.png) `[shown, not a link](nowhere.md)`
                [outside](../elsewhere.md)

                ```markdown
                [in a code block](nowhere.md)
                ```
                """);

        List<String> broken = new MarkdownLinks(root).broken(readme);

        assertEquals(5, broken.size(), broken.toString());
        assertTrue(broken.get(0).contains(":4: docs/apis.md (no such file)"), broken.get(0));
        assertTrue(broken.get(1).contains(":4: docs/api.md#createsession (no heading createsession"), broken.get(1));
        assertTrue(broken.get(2).contains(":4: #nowhere (no heading nowhere"), broken.get(2));
        assertTrue(broken.get(3).contains(":5: docs/nothing.png (no such file)"), broken.get(3));
        assertTrue(broken.get(4).contains(":6: ../elsewhere.md (outside the repository)"), broken.get(4));
    }

    /** README.md and every Markdown page of docs/. */
    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(README));
        try (Stream<Path> docs = Files.list(DOCS)) {
            docs.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }
}
