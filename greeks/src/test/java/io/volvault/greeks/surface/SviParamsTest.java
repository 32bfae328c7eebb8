package io.volvault.greeks.surface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SviParamsTest {

    /** Axel Vogt's arbitrageable slice (Gatheral and Jacquier 2013, T = 1). */
    static final SviParams VOGT = new SviParams(-0.0410, 0.1331, 0.3060, 0.3586, 0.4153);
    static final SviParams EQUITY_LIKE = new SviParams(0.04, 0.4, -0.4, 0.05, 0.2);

    @ParameterizedTest
    @ValueSource(doubles = {-1.2, -0.4, -0.05, 0.0, 0.1, 0.3586, 0.879, 1.5})
    void derivativesMatchFiniteDifferences(double k) {
        for (SviParams p : new SviParams[] {VOGT, EQUITY_LIKE}) {
            double h = 1e-4;
            double slope = (p.totalVariance(k + h) - p.totalVariance(k - h)) / (2 * h);
            double curvature = (p.totalVariance(k + h) - 2 * p.totalVariance(k) + p.totalVariance(k - h)) / (h * h);
            assertEquals(slope, p.slope(k), 1e-7);
            assertEquals(curvature, p.curvature(k), 1e-5);
        }
    }

    /** g(k) evaluated from finite-difference derivatives of w alone. */
    @ParameterizedTest
    @ValueSource(doubles = {-1.0, -0.3, 0.0, 0.2, 0.6424, 0.879, 1.2569, 1.6})
    void durrlemanMatchesAFiniteDifferenceEvaluation(double k) {
        for (SviParams p : new SviParams[] {VOGT, EQUITY_LIKE}) {
            double h = 1e-4;
            double w = p.totalVariance(k);
            double w1 = (p.totalVariance(k + h) - p.totalVariance(k - h)) / (2 * h);
            double w2 = (p.totalVariance(k + h) - 2 * w + p.totalVariance(k - h)) / (h * h);
            double g = Math.pow(1 - k * w1 / (2 * w), 2) - w1 * w1 / 4 * (1 / w + 0.25) + w2 / 2;
            assertEquals(g, p.durrlemanG(k), 1e-5);
        }
    }

    @Test
    void vogtSliceHasNegativeDensityBetweenItsRoots() {
        // Roots and minimum of g from scipy (brentq, bounded minimize_scalar) in python3.
        assertEquals(0.0, VOGT.durrlemanG(0.6424078778693793), 1e-12);
        assertEquals(0.0, VOGT.durrlemanG(1.2569129919321276), 1e-12);
        assertEquals(-0.03286357345362297, VOGT.durrlemanG(0.8792625417732617), 1e-12);
    }

    @Test
    void refusesInvalidParametersNamingThem() {
        assertEquals("b = -0.1 must be non-negative and finite",
            assertThrows(IllegalArgumentException.class, () -> new SviParams(0.1, -0.1, 0, 0, 0.1)).getMessage());
        assertEquals("rho = 1.0 must be in (-1, 1)",
            assertThrows(IllegalArgumentException.class, () -> new SviParams(0.1, 0.1, 1.0, 0, 0.1)).getMessage());
        assertEquals("sigma = 0.0 must be positive and finite",
            assertThrows(IllegalArgumentException.class, () -> new SviParams(0.1, 0.1, 0, 0, 0)).getMessage());
        assertEquals("a + b sigma sqrt(1 - rho^2) = -0.09 is negative: total variance would go below zero (a = -0.1)",
            assertThrows(IllegalArgumentException.class, () -> new SviParams(-0.1, 0.1, 0, 0, 0.1)).getMessage());
    }
}
