package io.volvault.strategy.allocation;

/**
 * One allocation run: either buy and hold of one asset, or a rule rebalanced on the triggers,
 * optionally scaled to a portfolio vol target.
 *
 * @param name the strategy's name in reports
 * @param rule the weights' rule; null for buy and hold
 * @param heldAsset the asset bought and held; -1 for a rebalanced rule
 * @param targetVol the portfolio vol target the rule's weights are scaled to; NaN for none
 */
public record AllocationStrategy(String name, AllocationRule rule, int heldAsset, double targetVol) {

    public AllocationStrategy {
        if ((rule == null) == (heldAsset < 0)) {
            throw new IllegalArgumentException(name + ": give either a rule or a held asset, not both or neither");
        }
        if (!Double.isNaN(targetVol) && !(targetVol > 0)) {
            throw new IllegalArgumentException(name + ": target vol must be positive, got " + targetVol);
        }
    }

    public static AllocationStrategy buyAndHold(String name, int asset) {
        return new AllocationStrategy(name, null, asset, Double.NaN);
    }

    public static AllocationStrategy rebalanced(String name, AllocationRule rule) {
        return new AllocationStrategy(name, rule, -1, Double.NaN);
    }

    public static AllocationStrategy volTargeted(String name, AllocationRule rule, double targetVol) {
        return new AllocationStrategy(name, rule, -1, targetVol);
    }

    public boolean buyAndHold() {
        return rule == null;
    }
}
