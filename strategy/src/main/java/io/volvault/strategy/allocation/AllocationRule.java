package io.volvault.strategy.allocation;

import io.volvault.strategy.sizing.RiskParity;
import java.util.Arrays;

/** How a rebalanced allocation splits the book across assets; weights sum to one. */
public enum AllocationRule {
    /** 1 / n each, whatever the covariance. */
    EQUAL_WEIGHT,
    /** {@link RiskParity#inverseVol} on the covariance's diagonal. */
    INVERSE_VOL,
    /** {@link RiskParity#equalRiskContribution} on the full covariance. */
    EQUAL_RISK_CONTRIBUTION;

    public double[] weights(double[][] covariance) {
        int n = covariance.length;
        return switch (this) {
            case EQUAL_WEIGHT -> {
                double[] w = new double[n];
                Arrays.fill(w, 1.0 / n);
                yield w;
            }
            case INVERSE_VOL -> {
                double[] vols = new double[n];
                for (int i = 0; i < n; i++) {
                    vols[i] = Math.sqrt(covariance[i][i]);
                }
                yield RiskParity.inverseVol(vols);
            }
            case EQUAL_RISK_CONTRIBUTION -> RiskParity.equalRiskContribution(covariance);
        };
    }
}
