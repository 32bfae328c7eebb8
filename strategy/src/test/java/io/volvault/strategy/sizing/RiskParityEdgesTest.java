package io.volvault.strategy.sizing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * {@link RiskParity} on cases with closed forms: uncorrelated and equicorrelated assets (where equal
 * risk contribution is inverse volatility, Maillard, Roncalli and Teiletche 2010, section 2.2),
 * risk contributions by hand, and the refusals of bad input.
 */
class RiskParityEdgesTest {

    @Test
    void uncorrelatedAndEquicorrelatedAssetsGetInverseVolWeights() {
        // vols 0.1, 0.2, 0.4: 1/vol = 10, 5, 2.5 of 17.5
        double[] expected = {10 / 17.5, 5 / 17.5, 2.5 / 17.5};
        double[][] diagonal = {{0.01, 0, 0}, {0, 0.04, 0}, {0, 0, 0.16}};
        assertArrayEquals(expected, RiskParity.equalRiskContribution(diagonal), 1e-12);
        double rho = 0.3;
        double[] vol = {0.1, 0.2, 0.4};
        double[][] equicorrelated = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                equicorrelated[i][j] = (i == j ? 1 : rho) * vol[i] * vol[j];
            }
        }
        assertArrayEquals(expected, RiskParity.equalRiskContribution(equicorrelated), 1e-12);
    }

    @Test
    void riskContributionsByHand() {
        // w = (0.5, 0.5), Sigma = [[0.04, 0.01], [0.01, 0.09]]: Sigma w = (0.025, 0.05),
        // w_i (Sigma w)_i = (0.0125, 0.025) of 0.0375
        double[] rc = RiskParity.riskContributions(new double[] {0.5, 0.5}, new double[][] {{0.04, 0.01}, {0.01, 0.09}});
        assertArrayEquals(new double[] {1 / 3.0, 2 / 3.0}, rc, 1e-15);
    }

    @Test
    void refusesNonPositiveVolsRaggedCovariancesAndNonPositiveVariances() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
            () -> RiskParity.inverseVol(new double[] {0.2, 0.0}));
        assertEquals("vols[1] must be positive, got 0.0", zero.getMessage());
        IllegalArgumentException ragged = assertThrows(IllegalArgumentException.class,
            () -> RiskParity.equalRiskContribution(new double[][] {{0.04, 0.01}, {0.01}}));
        assertEquals("covariance row 1 has 1 entries, expected 2", ragged.getMessage());
        IllegalArgumentException variance = assertThrows(IllegalArgumentException.class,
            () -> RiskParity.equalRiskContribution(new double[][] {{0.04, 0}, {0, 0.0}}));
        assertEquals("covariance[1][1] must be positive, got 0.0", variance.getMessage());
    }
}
