package io.flowgate.flow.decision;

import java.util.List;

/**
 * What the flow's policy makes of a session's results.
 *
 * @param outcome {@code approved}, {@code declined} or {@code review}
 * @param reasons the rules that gave the outcome, as configured (or why there are none)
 */
public record Decision(String outcome, List<String> reasons) {

    public static final String APPROVED = "approved";
    public static final String DECLINED = "declined";
    public static final String REVIEW = "review";

    public Decision {
        reasons = List.copyOf(reasons);
    }
}
