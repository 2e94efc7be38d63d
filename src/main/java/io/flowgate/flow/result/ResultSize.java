package io.flowgate.flow.result;

import io.flowgate.flow.session.StoredResults;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Keeps a vendor result within the store's limit ({@code flowgate.store.max-result-bytes}): the longest text
 * values (embedded images, typically) are replaced, the longest first, by a short note of their size until the
 * JSON fits; then, if it still does not, whole result fields. Never silent: the caller marks the session.
 */
final class ResultSize {

    static final String CUT = "[cut by flowgate: %d bytes]";

    private ResultSize() {
    }

    /** The result as JSON within {@code maxBytes}, and whether anything was cut; {@code whole} is left as it is. */
    static Fitted fit(Map<String, Object> whole, int maxBytes) {
        String json = StoredResults.write(whole);
        if (bytes(json) <= maxBytes) {
            return new Fitted(json, false);
        }
        Map<String, Object> results = StoredResults.read(json);
        List<Text> texts = new ArrayList<>();
        collect(results, texts);
        texts.sort(Comparator.comparingInt(Text::bytes).reversed());
        for (Text text : texts) {
            text.cut();
            json = StoredResults.write(results);
            if (bytes(json) <= maxBytes) {
                return new Fitted(json, true);
            }
        }
        List<String> fields = new ArrayList<>(results.keySet());
        fields.sort(Comparator.comparingInt((String field) -> bytes(StoredResults.write(Map.of(field,
                results.get(field))))).reversed());
        for (String field : fields) {
            results.put(field, Map.of("cut", String.format(CUT, bytes(StoredResults.write(Map.of(field,
                    results.get(field)))))));
            json = StoredResults.write(results);
            if (bytes(json) <= maxBytes) {
                break;
            }
        }
        return new Fitted(json, true);
    }

    @SuppressWarnings("unchecked")
    private static void collect(Object node, List<Text> texts) {
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (entry.getValue() instanceof String value) {
                    texts.add(new Text((Map<Object, Object>) map, entry.getKey(), bytes(value)));
                } else {
                    collect(entry.getValue(), texts);
                }
            }
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) instanceof String value) {
                    texts.add(new Text((List<Object>) list, i, bytes(value)));
                } else {
                    collect(list.get(i), texts);
                }
            }
        }
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The result's JSON as kept, and whether something was cut from it. */
    record Fitted(String json, boolean cut) {
    }

    /** A text value inside the result, by its container and its key or index. */
    private record Text(Object container, Object key, int bytes) {

        @SuppressWarnings("unchecked")
        void cut() {
            String note = String.format(CUT, bytes);
            if (container instanceof Map<?, ?> map) {
                ((Map<Object, Object>) map).put(key, note);
            } else {
                ((List<Object>) container).set((Integer) key, note);
            }
        }
    }
}
