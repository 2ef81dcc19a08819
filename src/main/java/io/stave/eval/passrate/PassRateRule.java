package io.stave.eval.passrate;

import io.stave.BadInputException;

/** Which evaluator's pass rate: ToolEval v1 rules, ToolEval v2, or StableToolEval's SoPR. */
public enum PassRateRule {
    V1,
    V2,
    STABLE;

    public static PassRateRule parse(String text) {
        return switch (text) {
            case "v1" -> V1;
            case "v2" -> V2;
            case "stable" -> STABLE;
            default -> throw new BadInputException("--rule: expected v1, v2 or stable, found '" + text + "'");
        };
    }

    public String cliName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
