package io.flowgate.flow.decision;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.flow.decision.DecisionRule.Verdict;
import java.util.List;
import java.util.Set;

/**
 * A flow's decision rules. Declined when any decline rule holds; else approved when there are
 * approve rules and every one holds; else review. No rules at all: review. A rule over a result that a
 * substitute replaced (see {@link DecisionRule#verdict}) never declines, and never approves either: an approve
 * rule that is not applicable is not met, so the session goes to review unless the rule names an alternative.
 */
public record DecisionPolicy(List<DecisionRule> approveWhen, List<DecisionRule> declineWhen) {

    static final String REPLACED = " (its result was replaced by a substitute's)";

    public DecisionPolicy {
        approveWhen = List.copyOf(approveWhen);
        declineWhen = List.copyOf(declineWhen);
    }

    public static DecisionPolicy parse(List<String> approveWhen, List<String> declineWhen) {
        return new DecisionPolicy(approveWhen.stream().map(DecisionRule::parse).toList(),
                declineWhen.stream().map(DecisionRule::parse).toList());
    }

    public Decision decide(JsonNode results) {
        return decide(results, Set.of());
    }

    /**
     * The decision on the results document, {@code replaced} naming the result fields that are absent because a
     * substitute's result came instead ({@code liveness_result}, ...).
     */
    public Decision decide(JsonNode results, Set<String> replaced) {
        List<String> declined = declineWhen.stream()
                .filter(rule -> rule.verdict(results, replaced) == Verdict.HOLDS).map(Object::toString).toList();
        if (!declined.isEmpty()) {
            return new Decision(Decision.DECLINED, declined);
        }
        if (approveWhen.isEmpty()) {
            return new Decision(Decision.REVIEW, List.of("no approve rules configured"));
        }
        List<String> unmet = approveWhen.stream().filter(rule -> rule.verdict(results, replaced) != Verdict.HOLDS)
                .map(rule -> "not met: " + rule
                        + (rule.verdict(results, replaced) == Verdict.NOT_APPLICABLE ? REPLACED : ""))
                .toList();
        if (unmet.isEmpty()) {
            return new Decision(Decision.APPROVED, approveWhen.stream().map(Object::toString).toList());
        }
        return new Decision(Decision.REVIEW, unmet);
    }
}
