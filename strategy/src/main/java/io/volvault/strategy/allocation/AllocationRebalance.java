package io.volvault.strategy.allocation;

/**
 * One rebalance of an allocation run, as data: what fired it and the weights it traded to.
 *
 * @param bar the bar of the history at whose close it traded
 * @param trigger "first allocation", "band" or "calendar"
 * @param ruleWeights the rule's weights on the trailing covariance, summing to one
 * @param forecastVol sqrt(w' Sigma w) of the rule's weights on that covariance, annualised
 * @param scale exposure / NAV: target / forecast vol capped by max leverage, or 1 without a target
 */
public record AllocationRebalance(int bar, String trigger, double[] ruleWeights, double forecastVol, double scale) {
}
