package io.volvault.strategy.market;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.volvault.greeks.realized.PriceBars;
import io.volvault.strategy.StrategyConfig;
import org.junit.jupiter.api.Test;

/** The forecast calibration, the tail and implied-vol statistics on hand-made series. */
class VolInputsTest {

    private static PriceBars closes(double... close) {
        long[] t = new long[close.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = 1_600_000_000L + 86_400L * i;
        }
        return PriceBars.ofCloses(t, close);
    }

    /**
     * Returns of e^{+-0.1} against a constant 0.5 forecast over 4 bars a year: z^2 = 0.01 x 4 / 0.25
     * = 0.16 for each bar, so k = 0.16 (the forecast is 2.5x too high) and the kurtosis of equal
     * |z| is 1; until two errors are known k = 1 and the kurtosis 3.
     */
    @Test
    void theCalibrationIsTheMeanSquaredForecastError() {
        PriceBars b = closes(100, 100 * Math.exp(0.1), 100, 100 * Math.exp(-0.1), 100);
        double[] raw = {0.5, 0.5, 0.5, 0.5, 0.5};
        double[][] m = VolInputs.standardizedMoments(b, raw, 3, 2, 4);
        assertArrayEquals(new double[] {1, 1, 0.16, 0.16, 0.16}, m[0], 1e-12);
        assertArrayEquals(new double[] {3, 3, 1, 1, 1}, m[1], 1e-12);
    }

    /**
     * Two errors of z^2 = 0.16 and 1.44 (returns 0.1 and 0.3 against 0.5 at 4 bars a year): k = 0.8,
     * kurtosis (0.0256 + 2.0736) / 2 / 0.64 = 1.64; the window of 2 then drops the first.
     */
    @Test
    void theWindowSlides() {
        PriceBars b = closes(100, 100 * Math.exp(0.1), 100 * Math.exp(0.4), 100 * Math.exp(0.5));
        double[][] m = VolInputs.standardizedMoments(b, new double[] {0.5, 0.5, 0.5, 0.5}, 2, 2, 4);
        assertEquals(0.8, m[0][2], 1e-12);
        assertEquals(1.64, m[1][2], 1e-12);
        // Bar 3: errors of bars 2 and 3, z^2 = 1.44 and 0.16 again.
        assertEquals(0.8, m[0][3], 1e-12);
    }

    /**
     * Log returns 0.1, 0.3, 0.5, 0.1, 0.3 at 4 bars a year against raw forecasts 0.5, 0.5, 0.2, 0.5, 0.5:
     * z^2 = r^2 x 4 / raw^2 = 0.16, 1.44, 25, 0.16, 1.44. With a cap at 0.3, bar 3 was sized on 0.2 (the
     * book sat at its cap) and is not counted: k = (0.16 + 1.44) / 2 = 0.8 at bars 2 and 3, then
     * 1.76 / 3 and 3.2 / 4 = 0.8; over every bar bar 3's 25 makes k (0.16 + 1.44 + 25) / 3 = 8.867.
     * Until two bars count, k is the all-bars factor.
     */
    @Test
    void theUncappedFactorCountsOnlyTheBarsTheForecastSized() {
        PriceBars b = closes(100, 100 * Math.exp(0.1), 100 * Math.exp(0.4), 100 * Math.exp(0.9),
            100 * Math.exp(1.0), 100 * Math.exp(1.3));
        double[] raw = {0.5, 0.5, 0.2, 0.5, 0.5, 0.5};
        double[] all = {1, 1, 1, 1, 1, 1};
        assertArrayEquals(new double[] {1, 1, 0.8, 0.8, 1.76 / 3, 0.8},
            VolInputs.uncappedFactor(b, raw, all, 0.3, 10, 2, 4), 1e-12);
        assertEquals((0.16 + 1.44 + 25) / 3, VolInputs.standardizedMoments(b, raw, 10, 2, 4)[0][3], 1e-12);
        // The bar is judged on the forecast it was sized on, raw x sqrt(all): 0.2 x sqrt(4) = 0.4 is above 0.3.
        double[] wider = {1, 1, 4, 1, 1, 1};
        assertEquals((0.16 + 1.44 + 25) / 3, VolInputs.uncappedFactor(b, raw, wider, 0.3, 10, 2, 4)[3], 1e-12);
        // Under two counted bars the all-bars factor stands.
        assertEquals(4, VolInputs.uncappedFactor(b, raw, wider, 0.3, 10, 3, 4)[2], 0);
    }

    /** A cap at 0 leaves every bar counted: the uncapped calibration is then the all-bars one. */
    @Test
    void withNoCapTheUncappedCalibrationIsTheAllBarsOne() {
        PriceBars b = closes(100, 100 * Math.exp(0.1), 100 * Math.exp(0.4), 100 * Math.exp(0.9),
            100 * Math.exp(1.0), 100 * Math.exp(1.3));
        double[] raw = {0.5, 0.5, 0.2, 0.5, 0.5, 0.5};
        double[] none = new double[6];
        java.util.Arrays.fill(none, Double.NaN);
        StrategyConfig.Forecast f = StrategyConfig.defaults().forecast();
        double[] all = VolInputs.history(b, 4, none, raw, f.withCalibrationBars(StrategyConfig.CalibrationBars.ALL),
            0.3, 0).forecastVol();
        assertArrayEquals(all, VolInputs.history(b, 4, none, raw, f, 0, 0).forecastVol(), 0);
        // bar 3's forecast: raw 0.5 x sqrt(0.8) with the cap, x sqrt(8.867) without
        assertEquals(0.5 * Math.sqrt(0.8), VolInputs.history(b, 4, none, raw, f, 0.3, 0).forecastVol()[3], 1e-12);
        assertEquals(0.5 * Math.sqrt((0.16 + 1.44 + 25) / 3), all[3], 1e-12);
    }

    /**
     * Implied vol 0.5, 0.6, 0.5, 0.7 against returns +0.1, -0.1, +0.2 at 365 bars a year:
     * changes +0.1, -0.1, +0.2; mean(dIV^2) = 0.06 / 3 = 0.02, so the vol of implied vol is
     * sqrt(0.02 x 365) = 2.702; mean(r dIV) = (0.01 + 0.01 + 0.04) / 3 = 0.02 = mean(r^2): correlation 1.
     */
    @Test
    void impliedVolStatisticsByHand() {
        PriceBars b = closes(100, 100 * Math.exp(0.1), 100, 100 * Math.exp(0.2));
        double[][] s = VolInputs.impliedStatistics(b, new double[] {0.5, 0.6, 0.5, 0.7}, observed(4), 10, 365);
        assertEquals(0, s[0][1], 0, "one change is not enough");
        assertEquals(Math.sqrt(0.02 * 365), s[0][3], 1e-12);
        assertEquals(1, s[1][3], 1e-12);
        // Implied vol moving against spot: correlation -1.
        double[][] against = VolInputs.impliedStatistics(b, new double[] {0.5, 0.4, 0.5, 0.3}, observed(4), 10, 365);
        assertEquals(-1, against[1][3], 1e-12);
        // Bars without an implied vol are left out: the change into bar 2 is unknown.
        double[][] gap = VolInputs.impliedStatistics(b, new double[] {0.5, Double.NaN, 0.5, 0.7}, observed(4), 10, 365);
        assertEquals(0, gap[0][3], 0, "only one known change");
    }

    /**
     * The realized forecast is the raw one times sqrt(k): 0.5 on the series of the first test
     * (k = 0.16 from bar 2 on, 4 bars a year, so 30 days are the 2-bar minimum) becomes 0.5 x 0.4 = 0.2,
     * and the proxy implied vol is that x 1.15; with calibration off both stay on the raw 0.5.
     */
    @Test
    void theHistorysForecastIsCalibrated() {
        PriceBars b = closes(100, 100 * Math.exp(0.1), 100, 100 * Math.exp(-0.1), 100);
        double[] raw = {0.5, 0.5, 0.5, 0.5, 0.5};
        double[] none = {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        StrategyConfig.Forecast f = StrategyConfig.defaults().forecast();
        MarketHistory h = VolInputs.history(b, 4, none, raw, f, 0, 0);
        assertArrayEquals(new double[] {0.5, 0.5, 0.2, 0.2, 0.2}, h.forecastVol(), 1e-12);
        assertArrayEquals(new double[] {0.575, 0.575, 0.23, 0.23, 0.23}, h.impliedVol(), 1e-12);
        // Equal |z|: kurtosis 1, below the normal 3, so no excess.
        assertArrayEquals(new double[5], h.dailyExcessKurtosis(), 0);
        MarketHistory off = VolInputs.history(b, 4, none, raw, f.withCalibrationDays(0), 0, 0);
        assertArrayEquals(raw, off.forecastVol(), 0);
        // An observed implied vol is taken as it is, and an implied forecast is not rescaled.
        double[] iv = {0.7, 0.7, 0.7, 0.7, 0.7};
        MarketHistory implied = VolInputs.history(b, 4, iv, raw, f.withSource(StrategyConfig.ForecastSource.IMPLIED), 0, 0);
        assertArrayEquals(iv, implied.forecastVol(), 0);
        assertArrayEquals(iv, implied.impliedVol(), 0);
    }

    /**
     * Excess kurtosis of bars scales to a day by the bars in a day. Errors z^2 = 0.16, 0.16, 0.16, 16
     * (returns 0.1, 0.1, 0.1 and 1 against 0.5 at 4 bars a year; the 365-day window is 4 bars): mean
     * 4.12, mean z^4 (3 x 0.0256 + 256) / 4 = 64.0192, kurtosis 64.0192 / 16.9744 = 3.7715, excess
     * 0.7715 per bar; a day holds 4 / 365 bars, so the daily excess is 0.7715 x 365 / 4 = 70.4.
     */
    @Test
    void excessKurtosisIsPerDay() {
        PriceBars b = closes(100, 100 * Math.exp(0.1), 100, 100 * Math.exp(0.1), 100 * Math.exp(1.1));
        double[] iv = {0.5, 0.5, 0.5, 0.5, 0.5};
        MarketHistory h = VolInputs.history(b, 4, iv, iv, StrategyConfig.defaults().forecast(), 0, 0);
        double kurtosis = (3 * 0.0256 + 256) / 4 / (4.12 * 4.12);
        assertEquals((kurtosis - 3) * 365 / 4, h.dailyExcessKurtosis()[4], 1e-9);
    }

    /**
     * A sliding window of 2 changes, and a correlation that is not +-1. Returns +0.1, +0.1, +0.2
     * against implied-vol changes +0.1, -0.1, +0.2. Bar 2 (changes 1, 2): mean dIV^2 = 0.01, vol
     * sqrt(0.01 x 365), mean(r dIV) = 0: correlation 0. Bar 3 (changes 2, 3 only): mean dIV^2 = 0.025,
     * sum r dIV = -0.01 + 0.04 = 0.03 over sqrt(0.05 x 0.05): 0.6. With a window of 10, bar 3 keeps all
     * three: 0.04 / 0.06 = 2/3.
     */
    @Test
    void theImpliedStatisticsWindowSlides() {
        PriceBars b = closes(100, 100 * Math.exp(0.1), 100 * Math.exp(0.2), 100 * Math.exp(0.4));
        double[] iv = {0.5, 0.6, 0.5, 0.7};
        double[][] two = VolInputs.impliedStatistics(b, iv, observed(4), 2, 365);
        assertEquals(Math.sqrt(0.01 * 365), two[0][2], 1e-12);
        assertEquals(0, two[1][2], 1e-12);
        assertEquals(Math.sqrt(0.025 * 365), two[0][3], 1e-12);
        assertEquals(0.6, two[1][3], 1e-12);
        assertEquals(2 / 3.0, VolInputs.impliedStatistics(b, iv, observed(4), 10, 365)[1][3], 1e-12);
        // A zero implied vol is no value: only the change into bar 3 is known, one is not enough.
        assertEquals(0, VolInputs.impliedStatistics(b, new double[] {0.5, 0, 0.5, 0.7}, observed(4), 10, 365)[0][3], 0);
        // A flat implied vol under moving prices: no vol of implied vol and no correlation (not NaN).
        double[][] still = VolInputs.impliedStatistics(b, new double[] {0.5, 0.5, 0.5, 0.5}, observed(4), 10, 365);
        assertEquals(0, still[0][3], 0);
        assertEquals(0, still[1][3], 0);
        // Flat prices, moving implied vol: a vol of implied vol, and no correlation (not 0 / 0).
        double[][] flat = VolInputs.impliedStatistics(closes(100, 100, 100), new double[] {0.5, 0.6, 0.5}, observed(3), 10, 365);
        assertEquals(Math.sqrt(0.01 * 365), flat[0][2], 1e-12);
        assertEquals(0, flat[1][2], 0);
    }

    /** Flat prices carry no information on the forecast's error: k stays 1, the kurtosis 3. */
    @Test
    void flatPricesAndMissingForecastsLeaveTheCalibrationAlone() {
        double[][] flat = VolInputs.standardizedMoments(closes(100, 100, 100, 100), new double[] {0.5, 0.5, 0.5, 0.5}, 4,
            2, 4);
        assertArrayEquals(new double[] {1, 1, 1, 1}, flat[0], 0);
        assertArrayEquals(new double[] {3, 3, 3, 3}, flat[1], 0);
        // A bar after a missing (zero) forecast is not an error sample: bar 3 adds nothing (its
        // z^2 would be infinite), bars 1, 2 and 4 each add 0.16.
        PriceBars b = closes(100, 100 * Math.exp(0.1), 100, 100 * Math.exp(0.1), 100);
        double[][] m = VolInputs.standardizedMoments(b, new double[] {0.5, 0.5, 0, 0.5, 0.5}, 10, 2, 4);
        assertArrayEquals(new double[] {1, 1, 0.16, 0.16, 0.16}, m[0], 1e-12);
    }

    /** A zero in the index is no observation: the proxy fills it. A blend weighs the two forecasts. */
    @Test
    void zeroImpliedIsMissingAndTheBlendIsWeighted() {
        PriceBars b = closes(100, 100 * Math.exp(0.1), 100);
        double[] raw = {0.5, 0.5, 0.5};
        StrategyConfig.Forecast f = StrategyConfig.defaults().forecast().withCalibrationDays(0);
        MarketHistory h = VolInputs.history(b, 365, new double[] {0, 0.8, 0.8}, raw, f, 0, 0);
        assertEquals(true, h.impliedIsProxy()[0]);
        assertEquals(0.5 * 1.15, h.impliedVol()[0], 1e-12);
        assertEquals(false, h.impliedIsProxy()[1]);
        MarketHistory blend = VolInputs.history(b, 365, new double[] {0, 0.8, 0.8}, raw,
            f.withSource(StrategyConfig.ForecastSource.BLEND), 0, 0);
        // implied_weight 0.5: 0.5 x 0.8 + 0.5 x 0.5.
        assertEquals(0.65, blend.forecastVol()[1], 1e-12);
    }

    private static boolean[] observed(int n) {
        return new boolean[n];
    }

    /**
     * The switch from the proxy to the observed index is not a change of implied vol: with the
     * proxy on bars 0-1 and the index from bar 2, the jump 0.6 -> 0.5 into bar 2 is left out and
     * only the change into bar 3 (+0.2) and into bar 1 (+0.1) count: mean dIV^2 = 0.025.
     */
    @Test
    void aSwitchOfSourceIsNoImpliedVolMove() {
        PriceBars b = closes(100, 100 * Math.exp(0.1), 100 * Math.exp(0.2), 100 * Math.exp(0.4));
        double[][] s = VolInputs.impliedStatistics(b, new double[] {0.5, 0.6, 0.5, 0.7},
            new boolean[] {true, true, false, false}, 10, 365);
        assertEquals(Math.sqrt(0.025 * 365), s[0][3], 1e-12);
    }

    @Test
    void windowsAreDaysWhateverTheBarLength() {
        StrategyConfig.Forecast f = StrategyConfig.defaults().forecast();
        assertEquals(20, f.windowBars(365));
        assertEquals(480, f.windowBars(8760));
        assertEquals(90 * 24, f.ivWindowBars(8760));
        assertEquals(2, f.withEstimator(f.estimator(), 1).windowBars(365), "at least two bars");
    }
}
