package io.volvault.greeks.realized;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class RealizedVolTest {

    private static final double DAILY = 365.0;

    /** Six daily bars with opening gaps, so that every estimator sees different inputs. */
    private static final PriceBars SIX_BARS = new PriceBars(
        new long[] {0, 86_400, 172_800, 259_200, 345_600, 432_000},
        new double[] {100, 102.5, 100.5, 105.5, 103.5, 108.5},
        new double[] {103, 104, 106, 107, 109, 110},
        new double[] {99, 100, 100, 103, 102, 105},
        new double[] {102, 101, 105, 104, 108, 107});

    /*
     * Expected values: greeks/src/test/resources/reference/realized_small_series.py, which applies
     * each textbook formula directly to every 3-bar window with numpy (no running sums).
     */

    @Test
    void closeToCloseMatchesTheDirectFormula() {
        assertSeries(RealizedVol.rolling(Estimator.CLOSE_TO_CLOSE, SIX_BARS, 3, DAILY), 3,
            0.5355338059257938, 0.5280076171054721, 0.5203726208690815);
    }

    @Test
    void parkinsonMatchesTheDirectFormula() {
        assertSeries(RealizedVol.rolling(Estimator.PARKINSON, SIX_BARS, 3, DAILY), 2,
            0.5341710915081994, 0.5293316862496459, 0.637195862926197, 0.5932900711476584);
    }

    @Test
    void garmanKlassMatchesTheDirectFormula() {
        assertSeries(RealizedVol.rolling(Estimator.GARMAN_KLASS, SIX_BARS, 3, DAILY), 2,
            0.5260633758303145, 0.5276366275318964, 0.6147495801885454, 0.619749217073184);
    }

    @Test
    void rogersSatchellMatchesTheDirectFormula() {
        assertSeries(RealizedVol.rolling(Estimator.ROGERS_SATCHELL, SIX_BARS, 3, DAILY), 2,
            0.4942417881200002, 0.4997233278243022, 0.5724298286465492, 0.5984054928136572);
    }

    @Test
    void yangZhangMatchesTheDirectFormula() {
        assertSeries(RealizedVol.rolling(Estimator.YANG_ZHANG, SIX_BARS, 3, DAILY), 3,
            0.5273474120934997, 0.5887244925040948, 0.6102616754942328);
    }

    @Test
    void rollingEwmaUsesTheSpanDecayAndAWindowSeed() {
        // window 3: lambda = 2/4 = 0.5, seeded at bar 3 with the mean of the first 3 squared returns.
        assertSeries(RealizedVol.rolling(Estimator.EWMA, SIX_BARS, 3, DAILY), 3,
            0.45441126685896477, 0.602648699277065, 0.44428062675202995);
    }

    @Test
    void ewmaByLambdaSeedsWithTheFirstSquaredReturn() {
        VolSeries series = RealizedVol.ewma(SIX_BARS, 0.9, DAILY);
        assertSeries(series, 1,
            0.1882278592513686, 0.2948697951601685, 0.28564985878416466, 0.35415305821678655, 0.3406471185365786);
        assertEquals(Math.abs(Math.log(101.0 / 102.0)) * Math.sqrt(DAILY), series.at(1), 1e-15);
    }

    @Test
    void halfLifeGivesTheDecayThatHalvesTheWeight() {
        double lambda = RealizedVol.lambdaFromHalfLife(10.0);
        assertEquals(0.5, Math.pow(lambda, 10.0), 1e-15);
        assertEquals(0.9330329915368074, lambda, 1e-15); // 0.5 ** 0.1 in python3
        assertThrows(IllegalArgumentException.class, () -> RealizedVol.lambdaFromHalfLife(0.0));
    }

    @Test
    void annualisationScalesWithTheSquareRootOfPeriodsPerYear() {
        VolSeries daily = RealizedVol.rolling(Estimator.PARKINSON, SIX_BARS, 3, 365.0);
        VolSeries hourly = RealizedVol.rolling(Estimator.PARKINSON, SIX_BARS, 3, 8760.0);
        assertEquals(daily.at(4) * Math.sqrt(24.0), hourly.at(4), 1e-14);
    }

    @Test
    void noLookAhead() throws Exception {
        PriceBars btc = SeriesFiles.bars("btc_usd_daily.csv");
        PriceBars firstHalf = prefix(btc, 2000);
        for (Estimator estimator : Estimator.values()) {
            VolSeries full = RealizedVol.rolling(estimator, btc, 30, DAILY);
            VolSeries truncated = RealizedVol.rolling(estimator, firstHalf, 30, DAILY);
            for (int i = truncated.firstIndex(); i < 2000; i++) {
                assertEquals(truncated.at(i), full.at(i), 1e-12 * full.at(i), estimator + " at " + i);
            }
        }
    }

    /** The O(n) running sums agree with recomputing every window from scratch, over 4,000 real bars. */
    @ParameterizedTest
    @EnumSource(value = Estimator.class, names = {"CLOSE_TO_CLOSE", "PARKINSON", "GARMAN_KLASS", "ROGERS_SATCHELL", "YANG_ZHANG"})
    void runningSumsMatchWindowByWindowRecomputation(Estimator estimator) throws Exception {
        PriceBars btc = SeriesFiles.bars("btc_usd_daily.csv");
        int window = 30;
        VolSeries fast = RealizedVol.rolling(estimator, btc, window, DAILY);
        for (int i = fast.firstIndex(); i < btc.size(); i++) {
            PriceBars lastWindow = slice(btc, i - fast.firstIndex(), i + 1);
            VolSeries direct = RealizedVol.rolling(estimator, lastWindow, window, DAILY);
            assertEquals(direct.last(), fast.at(i), 1e-12 * direct.last(), estimator + " at " + i);
        }
    }

    /**
     * On BTC daily (4,072 bars, 30-day windows) the range-based estimators average 94-97% of
     * close-to-close (numpy, realized_btc_daily.py's windows: Parkinson 0.968, Garman-Klass 0.949,
     * Rogers-Satchell 0.945, Yang-Zhang 0.958; the shortfall is the usual discreteness bias of
     * daily ranges). They must agree within 10% on average.
     */
    @Test
    void estimatorsAgreeOnAverageOnBitcoinDaily() throws Exception {
        PriceBars btc = SeriesFiles.bars("btc_usd_daily.csv");
        double closeToClose = meanOverValid(RealizedVol.rolling(Estimator.CLOSE_TO_CLOSE, btc, 30, DAILY), 30);
        // Window by window with numpy: greeks/src/test/resources/reference/realized_btc_daily.py.
        assertEquals(0.6138324329846693, closeToClose, 1e-13);
        assertEquals(0.5940542939908513, meanOverValid(RealizedVol.rolling(Estimator.PARKINSON, btc, 30, DAILY), 30), 1e-13);
        for (Estimator estimator : Estimator.values()) {
            double ratio = meanOverValid(RealizedVol.rolling(estimator, btc, 30, DAILY), 30) / closeToClose;
            assertEquals(1.0, ratio, 0.10, estimator + " vs close-to-close: " + ratio);
        }
    }

    /**
     * Efficiency on simulated round-the-clock Brownian bars (open = previous close, as for crypto)
     * with a known vol: the range-based estimators and Yang-Zhang have a much smaller sampling
     * variance than close-to-close (Yang and Zhang 2000: about 5x for Parkinson and 7x for
     * Garman-Klass with continuous monitoring). Bars are 390 Brownian steps; discrete highs and
     * lows bias range estimators down by a few percent, so the mean is checked within 6%.
     */
    @Test
    void rangeEstimatorsAreMoreEfficientThanCloseToClose() {
        double sigma = 0.8;
        PriceBars bars = simulatedBars(sigma, 0.0, 3000, 390, new SplittableRandom(7L));
        double closeToCloseSpread = spread(RealizedVol.rolling(Estimator.CLOSE_TO_CLOSE, bars, 20, DAILY), sigma);
        assertEquals(sigma, meanOverValid(RealizedVol.rolling(Estimator.CLOSE_TO_CLOSE, bars, 20, DAILY), 20), 0.03 * sigma);
        for (Estimator estimator : new Estimator[] {Estimator.PARKINSON, Estimator.GARMAN_KLASS,
                Estimator.ROGERS_SATCHELL, Estimator.YANG_ZHANG}) {
            VolSeries series = RealizedVol.rolling(estimator, bars, 20, DAILY);
            assertEquals(sigma, meanOverValid(series, 20), 0.06 * sigma, estimator.cliName());
            double efficiency = Math.pow(closeToCloseSpread / spread(series, sigma), 2);
            assertTrue(efficiency > 3.0, estimator + " efficiency " + efficiency);
        }
    }

    /**
     * With opening jumps carrying 30% of the variance, the intraday-only range estimators miss
     * them (Parkinson sees about sqrt(0.7) of the vol) while Yang-Zhang adds the overnight part
     * back and stays unbiased.
     */
    @Test
    void yangZhangCapturesOpeningJumpsThatRangeEstimatorsMiss() {
        double sigma = 0.8;
        PriceBars bars = simulatedBars(sigma, 0.3, 3000, 390, new SplittableRandom(11L));
        double parkinson = meanOverValid(RealizedVol.rolling(Estimator.PARKINSON, bars, 20, DAILY), 20);
        double yangZhang = meanOverValid(RealizedVol.rolling(Estimator.YANG_ZHANG, bars, 20, DAILY), 20);
        assertEquals(sigma * Math.sqrt(0.7), parkinson, 0.06 * sigma);
        assertEquals(sigma, yangZhang, 0.04 * sigma);
    }

    @Test
    void tooShortASeriesHasNoValues() {
        VolSeries series = RealizedVol.rolling(Estimator.YANG_ZHANG, SIX_BARS, 6, DAILY);
        assertFalse(series.hasValues());
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> series.at(5));
        assertTrue(error.getMessage().contains("index 5"), error.getMessage());
    }

    @Test
    void refusesBadParameters() {
        IllegalArgumentException window = assertThrows(IllegalArgumentException.class,
            () -> RealizedVol.rolling(Estimator.CLOSE_TO_CLOSE, SIX_BARS, 1, DAILY));
        assertTrue(window.getMessage().contains("window = 1"), window.getMessage());
        IllegalArgumentException periods = assertThrows(IllegalArgumentException.class,
            () -> RealizedVol.rolling(Estimator.PARKINSON, SIX_BARS, 3, Double.NaN));
        assertTrue(periods.getMessage().contains("periodsPerYear = NaN"), periods.getMessage());
        IllegalArgumentException lambda = assertThrows(IllegalArgumentException.class,
            () -> RealizedVol.ewma(SIX_BARS, 1.0, DAILY));
        assertTrue(lambda.getMessage().contains("lambda = 1.0"), lambda.getMessage());
    }

    @Test
    void parametersAreCheckedAtTheirBoundaries() {
        // The smallest windows are valid: one bar for the range estimators, two returns for a sample variance.
        double range = Math.log(103.0 / 99.0);
        assertEquals(Math.sqrt(range * range / (4 * Math.log(2)) * DAILY),
            RealizedVol.rolling(Estimator.PARKINSON, SIX_BARS, 1, DAILY).at(0), 1e-15);
        VolSeries closeToClose = RealizedVol.rolling(Estimator.CLOSE_TO_CLOSE, SIX_BARS, 2, DAILY);
        assertEquals(2, closeToClose.firstIndex());
        assertTrue(Double.isNaN(closeToClose.values()[0]) && Double.isNaN(closeToClose.values()[1]));
        assertMessage("window = 0 is too small for parkinson: need at least 1",
            () -> RealizedVol.rolling(Estimator.PARKINSON, SIX_BARS, 0, DAILY));
        assertMessage("bars is missing (null)", () -> RealizedVol.rolling(Estimator.CLOSE_TO_CLOSE, null, 3, DAILY));
        assertMessage("bars is missing (null)", () -> RealizedVol.ewma(null, 0.9, DAILY));
        assertMessage("periodsPerYear = 0.0 must be positive and finite", () -> RealizedVol.ewma(SIX_BARS, 0.9, 0.0));
        assertMessage("periodsPerYear = Infinity must be positive and finite",
            () -> RealizedVol.rolling(Estimator.EWMA, SIX_BARS, 3, Double.POSITIVE_INFINITY));
        assertMessage("lambda = 0.0 must be in (0, 1)", () -> RealizedVol.ewma(SIX_BARS, 0.0, DAILY));
        // EWMA seeded with 3 returns needs 4 bars: 3 bars give a series with no value, 4 give one.
        PriceBars three = PriceBars.ofCloses(new long[] {1, 2, 3}, new double[] {100, 101, 102});
        assertFalse(RealizedVol.rolling(Estimator.EWMA, three, 3, DAILY).hasValues());
        PriceBars four = PriceBars.ofCloses(new long[] {1, 2, 3, 4}, new double[] {100, 101, 102, 100});
        double r1 = Math.log(1.01);
        double r2 = Math.log(102.0 / 101.0);
        double r3 = Math.log(100.0 / 102.0);
        assertEquals(Math.sqrt((r1 * r1 + r2 * r2 + r3 * r3) / 3 * DAILY),
            RealizedVol.rolling(Estimator.EWMA, four, 3, DAILY).at(3), 1e-15);
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable action) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, action).getMessage());
    }

    private static void assertSeries(VolSeries series, int firstIndex, double... expected) {
        assertEquals(firstIndex, series.firstIndex());
        assertEquals(firstIndex + expected.length, series.size());
        for (int j = 0; j < expected.length; j++) {
            // numpy takes returns as differences of logs, which loses ~1e-13 relative to ln(ratio).
            assertEquals(expected[j], series.at(firstIndex + j), 1e-12 * expected[j], "value at " + (firstIndex + j));
        }
        assertThrows(IllegalArgumentException.class, () -> series.at(firstIndex - 1));
    }

    private static double meanOverValid(VolSeries series, int from) {
        double sum = 0.0;
        for (int i = from; i < series.size(); i++) {
            sum += series.at(i);
        }
        return sum / (series.size() - from);
    }

    private static double spread(VolSeries series, double truth) {
        double sum = 0.0;
        int count = 0;
        for (int i = series.firstIndex(); i < series.size(); i++) {
            sum += (series.at(i) - truth) * (series.at(i) - truth);
            count++;
        }
        return Math.sqrt(sum / count);
    }

    private static PriceBars prefix(PriceBars bars, int n) {
        return slice(bars, 0, n);
    }

    private static PriceBars slice(PriceBars bars, int from, int to) {
        return new PriceBars(
            Arrays.copyOfRange(bars.epochSeconds(), from, to),
            Arrays.copyOfRange(bars.open(), from, to),
            Arrays.copyOfRange(bars.high(), from, to),
            Arrays.copyOfRange(bars.low(), from, to),
            Arrays.copyOfRange(bars.close(), from, to));
    }

    /** Daily bars of a driftless log-Brownian motion: an opening jump carrying {@code overnightShare} of the variance, then steps. */
    private static PriceBars simulatedBars(double annualVol, double overnightShare, int days, int stepsPerDay,
                                           SplittableRandom random) {
        double dailyVariance = annualVol * annualVol / DAILY;
        double overnightSd = Math.sqrt(overnightShare * dailyVariance);
        double stepSd = Math.sqrt((1.0 - overnightShare) * dailyVariance / stepsPerDay);
        long[] time = new long[days];
        double[] open = new double[days];
        double[] high = new double[days];
        double[] low = new double[days];
        double[] close = new double[days];
        double logPrice = Math.log(100.0);
        for (int d = 0; d < days; d++) {
            logPrice += overnightSd * gaussian(random);
            double hi = logPrice;
            double lo = logPrice;
            open[d] = Math.exp(logPrice);
            for (int s = 0; s < stepsPerDay; s++) {
                logPrice += stepSd * gaussian(random);
                hi = Math.max(hi, logPrice);
                lo = Math.min(lo, logPrice);
            }
            time[d] = d * 86_400L;
            high[d] = Math.exp(hi);
            low[d] = Math.exp(lo);
            close[d] = Math.exp(logPrice);
        }
        return new PriceBars(time, open, high, low, close);
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2.0 * Math.log(1.0 - random.nextDouble())) * Math.cos(2.0 * Math.PI * random.nextDouble());
    }
}
