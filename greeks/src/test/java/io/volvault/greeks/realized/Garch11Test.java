package io.volvault.greeks.realized;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Garch11Test {

    /**
     * The DEM/GBP benchmark (Bollerslev and Ghysels 1996 data, 1974 daily returns in percent):
     * Fiorentini, Calzolari and Panattoni (1996), McCullough and Renfro (1999), with the presample
     * variance and squared residual set to the sample mean of squared residuals.
     */
    @Test
    void reproducesTheDemGbpBenchmark() throws Exception {
        double[] returns = SeriesFiles.column("reference/dem2gbp_returns.csv");
        assertEquals(1974, returns.length);

        Garch11 fit = Garch11.fit(returns);

        assertEquals(-0.00619041, fit.mu(), 1e-4 * 0.01);
        assertEquals(0.0107613, fit.omega(), 1e-3 * 0.0107613 / 10);
        assertEquals(0.153134, fit.alpha(), 1e-3 * 0.153134 / 10);
        assertEquals(0.805974, fit.beta(), 1e-3 * 0.805974 / 10);
        assertEquals(-1106.608, fit.logLikelihood(), 1e-3);
        assertEquals(fit.logLikelihood(), fit.logLikelihood(returns), 1e-9);
    }

    /**
     * A second, much longer and heavier-tailed series: BTC daily log returns (4,071). Reference:
     * scipy Nelder-Mead (xatol = fatol = 1e-10) on the same likelihood and presample rule, in python3:
     * mu = 0.0015892941962643104, omega = 5.354698949704531e-05, alpha = 0.12533586810588485,
     * beta = 0.8431757411382916, log-likelihood = 8182.757461558009.
     */
    @Test
    void agreesWithAnIndependentOptimiserOnBitcoinDaily() throws Exception {
        Garch11 fit = Garch11.fit(SeriesFiles.bars("btc_usd_daily.csv").logReturns());
        assertEquals(0.0015892941962643104, fit.mu(), 1e-8);
        assertEquals(5.354698949704531e-05, fit.omega(), 1e-5 * 5.354698949704531e-05);
        assertEquals(0.12533586810588485, fit.alpha(), 1e-5);
        assertEquals(0.8431757411382916, fit.beta(), 1e-5);
        assertEquals(8182.757461558009, fit.logLikelihood(), 1e-6);
    }

    @Test
    void fitDoesNotDependOnTheUnitsOfTheReturns() throws Exception {
        double[] percent = SeriesFiles.column("reference/dem2gbp_returns.csv");
        double[] fractions = new double[percent.length];
        for (int t = 0; t < percent.length; t++) {
            fractions[t] = percent[t] / 100.0;
        }
        Garch11 inPercent = Garch11.fit(percent);
        Garch11 inFractions = Garch11.fit(fractions);

        assertEquals(inPercent.mu() / 100.0, inFractions.mu(), 1e-9);
        assertEquals(inPercent.omega() / 1e4, inFractions.omega(), 1e-6 * inFractions.omega());
        assertEquals(inPercent.alpha(), inFractions.alpha(), 1e-6);
        assertEquals(inPercent.beta(), inFractions.beta(), 1e-6);
        // Scaling every return by 1/100 adds T ln(100) to the log-density.
        assertEquals(inPercent.logLikelihood() + percent.length * Math.log(100.0), inFractions.logLikelihood(), 1e-6);
    }

    @Test
    void recoversParametersOfASimulatedProcess() {
        Garch11 truth = new Garch11(0.05, 0.02, 0.08, 0.9, Double.NaN);
        SplittableRandom random = new SplittableRandom(20240131L);
        double[] returns = new double[20_000];
        double variance = truth.longRunVariance();
        double residual = 0.0;
        for (int t = 0; t < returns.length; t++) {
            variance = truth.omega() + truth.alpha() * residual * residual + truth.beta() * variance;
            residual = Math.sqrt(variance) * gaussian(random);
            returns[t] = truth.mu() + residual;
        }
        Garch11 fit = Garch11.fit(returns);

        // Standard errors at T = 20,000 are about 0.01 for alpha and beta: allow three of them.
        assertEquals(truth.mu(), fit.mu(), 0.02);
        assertEquals(truth.alpha(), fit.alpha(), 0.03);
        assertEquals(truth.beta(), fit.beta(), 0.03);
        assertEquals(truth.longRunVariance(), fit.longRunVariance(), 0.15 * truth.longRunVariance());
        assertTrue(fit.logLikelihood() >= truth.logLikelihood(returns), "the MLE beats the true parameters in-sample");
    }

    @Test
    void forecastFollowsTheRecursionAndRevertsToTheLongRunVariance() {
        Garch11 model = new Garch11(0.1, 0.05, 0.1, 0.85, 0.0);
        double[] forecast = model.forecastVariance(2.1, 1.5, 3);
        double first = 0.05 + 0.1 * 2.0 * 2.0 + 0.85 * 1.5;   // 1.725
        assertArrayEquals(new double[] {first, 0.05 + 0.95 * first, 0.05 + 0.95 * (0.05 + 0.95 * first)},
            forecast, 1e-15);
        double[] far = model.forecastVariance(2.1, 1.5, 2000);
        assertEquals(model.longRunVariance(), far[far.length - 1], 1e-12);
        assertEquals(1.0, model.longRunVariance(), 1e-15);
    }

    @Test
    void forecastAfterASeriesStartsFromItsLastConditionalVariance() throws Exception {
        double[] returns = SeriesFiles.column("reference/dem2gbp_returns.csv");
        Garch11 fit = Garch11.fit(returns);
        double[] h = fit.conditionalVariances(returns);
        double last = returns[returns.length - 1] - fit.mu();
        double[] forecast = fit.forecastVariance(returns, 2);
        assertEquals(fit.omega() + fit.alpha() * last * last + fit.beta() * h[h.length - 1], forecast[0], 1e-15);
        // Presample convention: h_1 = omega + (alpha + beta) * mean squared residual.
        double meanSquare = 0.0;
        for (double r : returns) {
            meanSquare += (r - fit.mu()) * (r - fit.mu()) / returns.length;
        }
        assertEquals(fit.omega() + fit.persistence() * meanSquare, h[0], 1e-14);
    }

    @Test
    void refusesBadInput() {
        IllegalArgumentException tooShort = assertThrows(IllegalArgumentException.class,
            () -> Garch11.fit(new double[5]));
        assertTrue(tooShort.getMessage().contains("at least 20"), tooShort.getMessage());
        double[] withNan = new double[30];
        withNan[17] = Double.NaN;
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class, () -> Garch11.fit(withNan));
        assertTrue(nan.getMessage().contains("returns[17] = NaN"), nan.getMessage());
        IllegalArgumentException flat = assertThrows(IllegalArgumentException.class, () -> Garch11.fit(new double[30]));
        assertTrue(flat.getMessage().contains("all equal"), flat.getMessage());
        IllegalArgumentException omega = assertThrows(IllegalArgumentException.class,
            () -> new Garch11(0, -1, 0.1, 0.8, 0));
        assertTrue(omega.getMessage().contains("omega = -1.0"), omega.getMessage());
        IllegalArgumentException integrated = assertThrows(IllegalArgumentException.class,
            () -> new Garch11(0, 1, 0.3, 0.7, 0).longRunVariance());
        assertTrue(integrated.getMessage().contains("alpha + beta = 1.0"), integrated.getMessage());
    }

    @Test
    void parametersAreCheckedAtTheirBoundaries() {
        assertMessage("omega = 0.0 must be positive and finite", () -> new Garch11(0, 0.0, 0.1, 0.8, 0));
        assertMessage("alpha = -1.0E-12 must be non-negative and finite", () -> new Garch11(0, 1, -1e-12, 0.8, 0));
        assertMessage("beta = NaN must be non-negative and finite", () -> new Garch11(0, 1, 0.1, Double.NaN, 0));
        assertMessage("mu = Infinity must be finite", () -> new Garch11(Double.POSITIVE_INFINITY, 1, 0.1, 0.8, 0));
        // alpha = beta = 0 is a valid (constant-variance) model: one step ahead is omega.
        Garch11 constant = new Garch11(0, 2.0, 0.0, 0.0, 0);
        assertArrayEquals(new double[] {2.0}, constant.forecastVariance(0.5, 3.0, 1), 0.0);
        assertMessage("steps = 0 must be at least 1", () -> constant.forecastVariance(0.5, 3.0, 0));
        assertMessage("lastVariance = 0.0 must be positive and finite", () -> constant.forecastVariance(0.5, 0.0, 1));
        assertMessage("lastReturn = NaN must be finite", () -> constant.forecastVariance(Double.NaN, 1.0, 1));
        assertMessage("returns: need at least 20 returns, got 19", () -> Garch11.fit(new double[19]));
        SplittableRandom random = new SplittableRandom(20);
        double[] twenty = new double[Garch11.MIN_RETURNS];
        for (int t = 0; t < twenty.length; t++) {
            twenty[t] = 0.02 * gaussian(random);
        }
        assertTrue(Garch11.fit(twenty).omega() > 0.0);
        assertMessage("returns: need at least 20 returns, got none", () -> Garch11.fit(null));
        assertMessage("returns: need at least one return to forecast from", () -> constant.forecastVariance(new double[0], 1));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable action) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, action).getMessage());
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller: SplittableRandom has no nextGaussian on Java 17.
        return Math.sqrt(-2.0 * Math.log(1.0 - random.nextDouble())) * Math.cos(2.0 * Math.PI * random.nextDouble());
    }
}
