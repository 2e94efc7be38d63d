package io.flowgate.flow.creation;

import io.flowgate.flow.request.InvalidRequestException;
import io.flowgate.flow.session.Caller;
import java.util.Set;
import java.util.TreeSet;

/** A flow a request names: configured, and one its caller may use. */
public final class UsableFlow {

    private UsableFlow() {
    }

    /**
     * @throws InvalidRequestException {@code unknown_flow}, naming the flows the caller may use, when {@code flow} is
     *         not configured
     * @throws FlowNotAllowedException when the caller may not use it
     */
    public static void check(String flow, Set<String> configured, Caller caller) {
        if (!configured.contains(flow)) {
            TreeSet<String> usable = new TreeSet<>(configured);
            usable.removeIf(name -> !caller.mayUse(name));
            throw new InvalidRequestException("unknown_flow", "flow",
                    "No flow of that name is configured; flows this caller may use: " + usable + ".");
        }
        if (!caller.mayUse(flow)) {
            throw new FlowNotAllowedException();
        }
    }
}
