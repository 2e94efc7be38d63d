package io.flowgate.flow.decision;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A flow's decision rules. Declined when any decline rule holds; else approved when there are
 * approve rules and every one holds; else review. No rules at all: review.
 */
public record DecisionPolicy(List<DecisionRule> approveWhen, List<DecisionRule> declineWhen) {

    public DecisionPolicy {
        approveWhen = List.copyOf(approveWhen);
        declineWhen = List.copyOf(declineWhen);
    }

    public static DecisionPolicy parse(List<String> approveWhen, List<String> declineWhen) {
        return new DecisionPolicy(approveWhen.stream().map(DecisionRule::parse).toList(),
                declineWhen.stream().map(DecisionRule::parse).toList());
    }

    public Decision decide(JsonNode results) {
        List<String> declined = declineWhen.stream().filter(rule -> rule.holds(results)).map(Object::toString).toList();
        if (!declined.isEmpty()) {
            return new Decision(Decision.DECLINED, declined);
        }
        if (approveWhen.isEmpty()) {
            return new Decision(Decision.REVIEW, List.of("no approve rules configured"));
        }
        List<String> unmet = approveWhen.stream().filter(rule -> !rule.holds(results))
                .map(rule -> "not met: " + rule).toList();
        if (unmet.isEmpty()) {
            return new Decision(Decision.APPROVED, approveWhen.stream().map(Object::toString).toList());
        }
        return new Decision(Decision.REVIEW, unmet);
    }
}
