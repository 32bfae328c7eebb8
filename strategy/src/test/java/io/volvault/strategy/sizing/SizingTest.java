package io.volvault.strategy.sizing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SizingTest {

    @Test
    void cppiExposureIsMultiplierTimesCushion() {
        assertEquals(3 * (100 - 80), Cppi.exposure(100, 80, 3, 1), 1e-12);
        assertEquals(100, Cppi.exposure(100, 50, 3, 1), 1e-12);
        assertEquals(0, Cppi.exposure(70, 80, 3, 1), 1e-12);
    }

    @Test
    void inverseVolWeights() {
        // 1/0.2 : 1/0.4 = 2 : 1
        assertArrayEquals(new double[] {2 / 3.0, 1 / 3.0}, RiskParity.inverseVol(new double[] {0.2, 0.4}), 1e-15);
    }

    @Test
    void ercOfTwoAssetsIsInverseVolWhateverTheCorrelation() {
        double s1 = 0.2;
        double s2 = 0.4;
        double rho = 0.6;
        double[][] cov = {{s1 * s1, rho * s1 * s2}, {rho * s1 * s2, s2 * s2}};
        assertArrayEquals(new double[] {2 / 3.0, 1 / 3.0}, RiskParity.equalRiskContribution(cov), 1e-12);
    }

    @Test
    void ercEqualisesRiskContributions() {
        double[][] cov = {
            {0.04, 0.006, 0.01},
            {0.006, 0.09, -0.012},
            {0.01, -0.012, 0.25}};
        double[] w = RiskParity.equalRiskContribution(cov);
        assertArrayEquals(new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0}, RiskParity.riskContributions(w, cov), 1e-12);
        assertEquals(1, w[0] + w[1] + w[2], 1e-15);
    }
}
