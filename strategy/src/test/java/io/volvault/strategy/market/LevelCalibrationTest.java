package io.volvault.strategy.market;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.volvault.greeks.realized.PriceBars;
import io.volvault.strategy.StrategyConfig;
import io.volvault.strategy.backtest.RealData;
import io.volvault.strategy.market.LevelCalibration.Fit;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The level-dependent forecast calibration, by hand on small series, and without look-ahead on BTC. */
class LevelCalibrationTest {

    private static PriceBars returns(double... r) {
        long[] t = new long[r.length + 1];
        double[] close = new double[r.length + 1];
        close[0] = 100;
        t[0] = 1_600_000_000L;
        for (int i = 1; i < close.length; i++) {
            t[i] = t[i - 1] + 86_400L;
            close[i] = close[i - 1] * Math.exp(r[i - 1]);
        }
        return PriceBars.ofCloses(t, close);
    }

    /**
     * (u, y) = (1, 2), (2, 2.5), (3, 3.5): mean u 2, mean y 8/3; slope ((-1)(-2/3) + (1)(5/6)) / 2 =
     * 0.75, intercept 8/3 - 1.5 = 7/6. The sums: n 3, u 6, y 8, uu 14, uy 17.5.
     */
    @Test
    void bothWeightsPositiveIsTheOrdinaryFit() {
        Fit f = Fit.of(3, 6, 8, 14, 17.5, 3);
        assertEquals(7 / 6.0, f.alpha(), 1e-12);
        assertEquals(0.75, f.beta(), 1e-12);
        assertEquals(7 / 6.0 + 0.75 * 4, f.multiplier(4), 1e-12);
        assertEquals(Fit.NONE, Fit.of(3, 6, 8, 14, 17.5, 4), "fewer pairs than the minimum");
        assertEquals(1, Fit.NONE.multiplier(5), 0);
    }

    /**
     * y = 1, 2, 4 at u = 1, 2, 3 (sums y 7, uy 17): slope 1.5, intercept (7 - 9) / 3 < 0. The
     * through-the-origin fit, uy^2 / uu = 289 / 14 = 20.6, beats the mean's y^2 / n = 49 / 3 = 16.3:
     * beta = 17 / 14, alpha 0.
     */
    @Test
    void aNegativeInterceptFitsThroughTheOrigin() {
        assertEquals(new Fit(0, 17 / 14.0), Fit.of(3, 6, 7, 14, 17, 2));
    }

    /**
     * y = 3, 2, 1 at u = 1, 2, 3 (sums y 6, uy 10): slope -1. The mean's 36 / 3 = 12 beats the
     * origin's 100 / 14 = 7.1: the single factor alpha = mean y = 2. A forecast that moves away from
     * the long-run level is no correction.
     */
    @Test
    void aNegativeSlopeFallsBackToTheSingleFactor() {
        assertEquals(new Fit(2, 0), Fit.of(3, 6, 6, 14, 10, 2));
    }

    /** Every u the same (n uu = u^2): the level says nothing, the fit is mean y; y all zero: no fit. */
    @Test
    void degenerateSumsGiveTheMeanOrNothing() {
        assertEquals(new Fit(1.5, 0), Fit.of(2, 4, 3, 8, 6, 2));
        assertEquals(new Fit(1.5, 0), Fit.of(2, 0, 3, 0, 0, 2), "every u zero");
        assertEquals(Fit.NONE, Fit.of(2, 4, 0, 8, 0, 2));
    }

    /**
     * Returns 0.1, 0.2, 0.3 at 4 bars a year: annualised squares 0.04, 0.16, 0.36. Window 2: bar 1
     * 0.04 / 1, bar 2 0.20 / 2, bar 3 0.52 / 2; with a minimum of 2 returns bar 1 is unknown.
     */
    @Test
    void theLongRunVarianceIsTheTrailingMeanSquare() {
        PriceBars b = returns(0.1, 0.2, 0.3);
        assertArrayEquals(new double[] {Double.NaN, 0.04, 0.1, 0.26}, LevelCalibration.longRunVariance(b, 2, 1, 4),
            1e-12);
        assertArrayEquals(new double[] {Double.NaN, Double.NaN, 0.1, 0.26},
            LevelCalibration.longRunVariance(b, 2, 2, 4), 1e-12);
        assertArrayEquals(new double[] {Double.NaN, 0.04, 0.1, 0.56 / 3}, LevelCalibration.longRunVariance(b, 3, 1, 4),
            1e-12);
    }

    /**
     * Raw 0.5 (variance 0.25) at 4 bars a year, long-run variance 0.25, 0.5, 0.75, 1, 0.25: u_j =
     * 1, 2, 3, 4 for the returns j = 1..4, y_j = 16 r_j^2 = 2, 2.5, 3.5, 4. Window 3, minimum 3: bar 3
     * fits the first three (7/6 + 0.75 u, as above) at u_3 = 4: 25/6. Bar 4 drops the first: (2, 2.5),
     * (3, 3.5), (4, 4), slope ((-1)(-5/6) + (1)(2/3)) / 2 = 0.75, intercept 10/3 - 2.25 = 13/12, at
     * u_4 = 1: 11/6. Before three pairs: 1.
     */
    @Test
    void theMultiplierIsTheTrailingFitAtTodaysLevel() {
        PriceBars b = returns(Math.sqrt(2 / 16.0), Math.sqrt(2.5 / 16), Math.sqrt(3.5 / 16), 0.5);
        double[] raw = {0.5, 0.5, 0.5, 0.5, 0.5};
        double[] longRun = {0.25, 0.5, 0.75, 1, 0.25};
        assertArrayEquals(new double[] {1, 1, 1, 25 / 6.0, 11 / 6.0},
            LevelCalibration.multipliers(b, raw, longRun, 3, 3, 4), 1e-12);
        // The first long run at 0.5 instead: u = 2, 2, 3, 4. Bar 3 fits (2, 2), (2, 2.5), (3, 3.5):
        // slope (2/9 + 1/18 + 10/18) / (6/9) = 1.25, intercept 8/3 - 1.25 x 7/3 = -1/4 < 0, and the
        // origin's 19.5^2 / 17 = 22.4 beats the mean's 64 / 3 = 21.3: beta = 19.5 / 17, at u_3 = 4:
        // 78 / 17. Bar 4 drops the pair at u = 2 and fits as above: 11/6.
        double[] higher = {0.5, 0.5, 0.75, 1, 0.25};
        assertArrayEquals(new double[] {1, 1, 1, 78 / 17.0, 11 / 6.0},
            LevelCalibration.multipliers(b, raw, higher, 3, 3, 4), 1e-12);
        // A bar with no raw forecast or long-run variance gives no pair after it and keeps 1 itself:
        // bar 2's raw is 0, so pair 3 is unknown and bar 2 stays at 1; minimum 2: bar 3 fits pairs 1
        // and 2, slope 0.5, intercept 1.5, at u_3 = 4: 3.5; bar 4 fits pairs 2 and 4 only, (2, 2.5) and
        // (4, 4): slope 0.75, intercept 1, at u_4 = 1 (long run 0.25): 1.75.
        double[] gap = {0.5, 0.5, 0, 0.5, 0.5};
        assertArrayEquals(new double[] {1, 1, 1, 3.5, 1.75}, LevelCalibration.multipliers(b, gap, longRun, 3, 2, 4),
            1e-12);
        double[] unknown = {Double.NaN, 0.5, 0.75, Double.NaN, 0.25};
        // Pairs 1 and 4 are unknown (long run NaN before them); bar 3 keeps 1 (no long run); bar 4
        // fits (2, 2.5), (3, 3.5): slope 1, intercept 0.5, at u_4 = 1: 1.5.
        assertArrayEquals(new double[] {1, 1, 1, 1, 1.5}, LevelCalibration.multipliers(b, raw, unknown, 3, 2, 4),
            1e-12);
        // A long-run variance of 0 is known (u = 0): bar 3 gets the intercept of its fit, 7/6; bar 4
        // fits (2, 2.5), (3, 3.5), (0, 4), a falling line, so the mean 10/3 (100 / 3 beats the
        // origin's 15.5^2 / 13 = 18.5).
        double[] zero = {0.25, 0.5, 0.75, 0, 0.25};
        assertArrayEquals(new double[] {1, 1, 1, 7 / 6.0, 10 / 3.0}, LevelCalibration.multipliers(b, raw, zero, 3, 3, 4),
            1e-12);
    }

    /**
     * In the backtest's history: returns 0.1, 0.1, 0.3, 0.4 against a raw 0.5 at 4 bars a year (a
     * year and 30 days are 4 and 2 bars). Annualised squares 0.04, 0.04, 0.36, 0.64; long-run variance
     * 0.04 at bar 2, 0.44 / 3 at bar 3, 1.08 / 4 = 0.27 at bar 4. Pairs start at bar 3: (u, y) =
     * (0.16, 1.44) and (1.76 / 3, 2.56); bar 3 has one (2 needed), bar 4 both: slope 1.12 / (1.28 / 3)
     * = 2.625, intercept 1.44 - 0.42 = 1.02, at u_4 = 0.27 / 0.25 = 1.08: 3.855. The single factor
     * instead: k = mean z^2 = 0.16, 1.76 / 3, 4.32 / 4 from bar 2.
     */
    @Test
    void theHistoryUsesItWhenLongRunDaysIsSet() {
        PriceBars b = returns(0.1, 0.1, 0.3, 0.4);
        double[] raw = {0.5, 0.5, 0.5, 0.5, 0.5};
        double[] none = new double[5];
        StrategyConfig.Forecast f = StrategyConfig.defaults().forecast().withLongRunDays(365);
        assertArrayEquals(new double[] {0.5, 0.5, 0.5, 0.5, 0.5 * Math.sqrt(3.855)},
            VolInputs.history(b, 4, none, raw, f, 0, 0).forecastVol(), 1e-12);
        assertArrayEquals(new double[] {0.5, 0.5, 0.2, 0.5 * Math.sqrt(1.76 / 3), 0.5 * Math.sqrt(1.08)},
            VolInputs.history(b, 4, none, raw, f.withLongRunDays(0), 0, 0).forecastVol(), 1e-12);
        assertArrayEquals(raw, VolInputs.history(b, 4, none, raw, f.withCalibrationDays(0), 0, 0).forecastVol(), 0);
    }

    /**
     * No look-ahead on the shipped BTC history: the forecast at each bar up to t is the same whether
     * the bars after t are dropped or scrambled, and the scrambling does change the forecasts after t.
     */
    @Test
    void theForecastAtTUsesNothingAfterT() {
        PriceBars bars = RealData.bars("btc_usd_daily.csv");
        StrategyConfig.Forecast f = StrategyConfig.defaults().forecast().withLongRunDays(365);
        int t = 2500;
        double[] none = new double[bars.size()];
        double[] full = VolInputs.history(bars, 365, none, f, 0, 0).forecastVol();
        PriceBars prefix = new PriceBars(Arrays.copyOf(bars.epochSeconds(), t + 1), Arrays.copyOf(bars.open(), t + 1),
            Arrays.copyOf(bars.high(), t + 1), Arrays.copyOf(bars.low(), t + 1), Arrays.copyOf(bars.close(), t + 1));
        double[] cut = VolInputs.history(prefix, 365, new double[t + 1], f, 0, 0).forecastVol();
        assertArrayEquals(Arrays.copyOf(full, t + 1), cut, 0);
        double[] c = bars.close().clone();
        double[] o = bars.open().clone();
        double[] h = bars.high().clone();
        double[] l = bars.low().clone();
        for (int i = t + 1; i < c.length; i++) {
            double k = 1 + 0.3 * Math.sin(i);
            c[i] *= k;
            o[i] *= k;
            h[i] *= k;
            l[i] *= k;
        }
        double[] scrambled = VolInputs.history(new PriceBars(bars.epochSeconds(), o, h, l, c), 365, none, f, 0, 0)
            .forecastVol();
        assertArrayEquals(Arrays.copyOf(full, t + 1), Arrays.copyOf(scrambled, t + 1), 0);
        assertNotEquals(full[t + 5], scrambled[t + 5]);
        // ... and the level correction is in force there: it differs from the single factor.
        assertNotEquals(VolInputs.history(bars, 365, none, f.withLongRunDays(0), 0, 0).forecastVol()[t], full[t]);
    }
}
