package io.flowgate.sandbox;

import io.flowgate.config.FlowgateConfig;
import io.quarkus.arc.properties.IfBuildProperty;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/** Keeps the last {@code flowgate.sandbox.max-recorded-requests} requests the sandbox received. */
@Singleton
@IfBuildProperty(name = "flowgate.sandbox.enabled", stringValue = "true")
public class RequestRecorder {

    private final Deque<RecordedRequest> requests = new ArrayDeque<>();
    private final int capacity;
    private final Clock clock;

    RequestRecorder(FlowgateConfig config, Clock clock) {
        this.capacity = config.sandbox().maxRecordedRequests();
        this.clock = clock;
    }

    void record(RoutingContext ctx) {
        var request = ctx.request();
        String body = ctx.body() == null || ctx.body().buffer() == null ? "" : ctx.body().asString("UTF-8");
        add(new RecordedRequest(clock.instant(), request.method().name(), request.path(),
                queryOf(ctx), toMap(request.headers(), true), body));
    }

    private static Map<String, List<String>> queryOf(RoutingContext ctx) {
        try {
            return toMap(ctx.queryParams(), false);
        } catch (RuntimeException badlyEncoded) {
            return Map.of();
        }
    }

    synchronized void add(RecordedRequest request) {
        requests.addLast(request);
        while (requests.size() > capacity) {
            requests.removeFirst();
        }
    }

    /** Oldest first. */
    public synchronized List<RecordedRequest> all() {
        return List.copyOf(requests);
    }

    public synchronized Optional<RecordedRequest> last(String path) {
        var it = requests.descendingIterator();
        while (it.hasNext()) {
            RecordedRequest request = it.next();
            if (request.path().equals(path)) {
                return Optional.of(request);
            }
        }
        return Optional.empty();
    }

    public synchronized void clear() {
        requests.clear();
    }

    private static Map<String, List<String>> toMap(MultiMap multiMap, boolean lowerCaseNames) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        BiConsumer<String, String> put = (name, value) -> map
                .computeIfAbsent(lowerCaseNames ? name.toLowerCase(Locale.ROOT) : name, n -> new ArrayList<>())
                .add(value);
        multiMap.forEach(entry -> put.accept(entry.getKey(), entry.getValue()));
        map.replaceAll((name, values) -> List.copyOf(values));
        return map;
    }
}
