package io.volvault.strategy.sizing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Equal risk contribution where it is not inverse vol: three assets with unequal vols and unequal
 * correlations. The answer is checked by its definition, computed here from the covariance: every
 * w_i (Sigma w)_i is a third of w' Sigma w, the weights are positive and sum to 1.
 */
class RiskParityContributionsTest {

    /** Vols 0.2, 0.3, 0.5; correlations 0.8 (1-2), 0 (1-3), -0.3 (2-3). Positive definite. */
    private static final double[][] COVARIANCE = {
        {0.04, 0.048, 0.0},
        {0.048, 0.09, -0.045},
        {0.0, -0.045, 0.25},
    };

    @Test
    void everyAssetCarriesAThirdOfTheRisk() {
        double[] w = RiskParity.equalRiskContribution(COVARIANCE);
        double[] sigmaW = new double[3];
        double variance = 0;
        double sum = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                sigmaW[i] += COVARIANCE[i][j] * w[j];
            }
            variance += w[i] * sigmaW[i];
            sum += w[i];
            assertTrue(w[i] > 0, "w[" + i + "] = " + w[i]);
        }
        assertEquals(1.0, sum, 1e-15);
        for (int i = 0; i < 3; i++) {
            assertEquals(1 / 3.0, w[i] * sigmaW[i] / variance, 1e-12, "risk share of asset " + i);
        }
        // Not inverse vol (1/0.2 : 1/0.3 : 1/0.5 normalised = 0.4839, 0.3226, 0.1935): the strongly
        // correlated pair 1-2 gets less, the hedging asset 3 more.
        assertTrue(w[2] > 1 / 0.5 / (1 / 0.2 + 1 / 0.3 + 1 / 0.5), "w[2] = " + w[2]);
    }
}
