package io.volvault.strategy.sizing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@link BookRisk} against hand calculations and its invariants. */
class BookRiskTest {

    @Test
    void spotAloneIsDeltaTimesVol() {
        // 500,000 of delta at 80% vol: a standard deviation of 400,000 a year.
        BookRisk r = new BookRisk(0.8, 0.6, -0.4);
        assertEquals(400_000.0 * 400_000.0, r.variance(500_000, 0, 0), 1e-3);
    }

    /**
     * A short option, delta-hedged, no vega: S = 100, gamma 0.002 per option, sigma = 0.5, T = 0.25
     * years, normal returns. Over its life the P&amp;L is -1/2 gamma S^2 (R^2 - sigma^2 T) with
     * R ~ N(0, sigma^2 T), so Var = 1/4 gamma^2 S^4 Var(R^2) = 1/4 x 4e-6 x 1e8 x 2 sigma^4 T^2
     * = 100 x 2 x 0.0625 x 0.0625 = 0.78125 over the quarter, 0.78125 / 0.25 = 3.125 a year.
     */
    @Test
    void aShortOptionsGammaOverItsLifeByHand() {
        BookRisk r = new BookRisk(0.5, 0, 0);
        double horizonGamma = -0.002 * 100 * 100 * BookRisk.horizon(0.25, 0);
        assertEquals(-10, horizonGamma, 1e-12);
        assertEquals(3.125, r.variance(0, 0, horizonGamma), 1e-12);
        assertEquals(Math.sqrt(3.125), r.gammaVol(horizonGamma), 1e-12);
    }

    /**
     * The same option under fat tails: daily excess kurtosis 7.3, so over T = 0.25 years (91.25 iid
     * days) the kurtosis is 3 + 7.3 / 91.25 = 3.08 and Var(R^2) = (3.08 - 1) sigma^4 T^2 = 2.08 x
     * 0.00390625; the P&amp;L variance 1/4 x 400 x 2.08 x 0.00390625 = 0.8125, 3.25 a year.
     */
    @Test
    void fatTailsFattenTheGammaTermByHand() {
        BookRisk r = new BookRisk(0.5, 0, 0);
        assertEquals(Math.sqrt(0.26), BookRisk.horizon(0.25, 7.3), 1e-15);
        assertEquals(3.25, r.variance(0, 0, -0.002 * 100 * 100 * BookRisk.horizon(0.25, 7.3)), 1e-12);
    }

    /**
     * Delta 1,000 at sigma 0.5, vega -2,000 per 1.00 of vol, implied-vol vol 0.8, correlation -0.5.
     * The covariance form: D^2 sigma^2 + V^2 eta^2 + 2 D V rho sigma eta = 250,000 + 2,560,000
     * + 2 x 1,000 x (-2,000) x (-0.5) x 0.5 x 0.8 = 3,610,000.
     */
    @Test
    void vegaMovesWithSpotThroughTheCorrelationByHand() {
        BookRisk r = new BookRisk(0.5, 0.8, -0.5);
        assertEquals(3_610_000, r.variance(1000, -2000, 0), 1e-6);
        assertEquals(1600, r.vegaVol(-2000), 1e-12);
        // Uncorrelated: the two variances add.
        assertEquals(250_000 + 2_560_000, new BookRisk(0.5, 0.8, 0).variance(1000, -2000, 0), 1e-6);
        // Correlated the other way: 250,000 + 2,560,000 - 800,000.
        assertEquals(2_010_000, new BookRisk(0.5, 0.8, 0.5).variance(1000, -2000, 0), 1e-6);
    }

    @Test
    void scalingTheBookScalesTheVarianceByTheSquare() {
        BookRisk r = new BookRisk(0.7, 0.9, -0.3);
        double v = r.variance(1234, -567, -89);
        assertEquals(9 * v, r.variance(3 * 1234, -3 * 567, -3 * 89), 1e-9 * v);
        // Gamma enters squared: its sign does not matter.
        assertEquals(r.variance(0, 0, 89), r.variance(0, 0, -89), 0);
        // The three terms add: sigma^2 D^2 + ... each positive.
        assertEquals(0.49 * 1234 * 1234 + 0.5 * Math.pow(0.7, 4) * 89 * 89, new BookRisk(0.7, 0, 0).variance(1234, 0, 89),
            1e-9);
    }
}
