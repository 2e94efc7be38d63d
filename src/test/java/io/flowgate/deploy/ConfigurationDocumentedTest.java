package io.flowgate.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/configuration.md documents every property of the configuration tree, each with its default. */
class ConfigurationDocumentedTest {

    /** A table row: | `flowgate.…` | default | meaning |, a map's key written <name>, <caller>, ... */
    private static final Pattern ROW = Pattern.compile("^\\| `(flowgate\\.[^`]+)` \\| ([^|]*) \\|", Pattern.MULTILINE);

    @Test
    void everyPropertyHasARowThatStartsWithItsDefault() throws Exception {
        String docs = Files.readString(Path.of("docs/configuration.md"));
        ConfigProperties properties = ConfigProperties.ofFlowgate();
        List<String> missing = new ArrayList<>();
        for (String property : properties.names()) {
            String defaultValue = properties.defaultOf(property);
            String row = row(docs, property);
            if (row == null) {
                missing.add(property + ": no row");
            } else if (defaultValue != null && !row.startsWith("`" + defaultValue + "`")) {
                missing.add(property + ": the row's default is " + row + ", not `" + defaultValue + "`");
            }
        }
        assertEquals(List.of(), missing);
    }

    /** The default cell of the property's row, or null. */
    private static String row(String docs, String property) {
        Matcher rows = ROW.matcher(docs);
        while (rows.find()) {
            String documented = rows.group(1).replaceAll("<[a-z]+>", "*");
            if (documented.equals(property)) {
                return rows.group(2).strip();
            }
        }
        return null;
    }
}
