package io.volvault.strategy.backtest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Metrics against values worked out by hand on short paths. */
class PerformanceTest {

    // Returns +10%, -10%, +10%, -10%.
    private static final double[] NAV = {100, 110, 99, 108.9, 98.01};

    @Test
    void returnsAndDrawdowns() {
        assertArrayEquals(new double[] {0.1, -0.1, 0.1, -0.1}, Performance.returns(NAV), 1e-12);
        // Peak 110, trough 98.01: 1 - 98.01 / 110.
        assertEquals(0.109, Performance.maxDrawdown(NAV), 1e-12);
        assertArrayEquals(new double[] {0, 0, 0.1, 0.01, 0.109}, Performance.drawdowns(NAV), 1e-12);
    }

    @Test
    void tailRiskAndDownside() {
        double[] r = {0.03, -0.05, 0.01, -0.02, 0.04, -0.01, 0.02, -0.04, 0.00, 0.05};
        // Worst 10% of 10 returns is one return, -0.05; worst 20% is the mean of -0.05 and -0.04.
        assertEquals(0.05, Performance.cvar(r, 0.90), 1e-12);
        assertEquals(0.045, Performance.cvar(r, 0.80), 1e-12);
        // sqrt((0.0025 + 0.0004 + 0.0001 + 0.0016) / 10)
        assertEquals(Math.sqrt(0.0046 / 10), Performance.downsideDeviation(r), 1e-12);
    }

    @Test
    void rollingVolIsTheWindowedSampleStandardDeviation() {
        double[] r = {0.1, -0.1, 0.1, 0.3};
        double[] v = Performance.rollingVol(r, 2, 4);
        // pairs (0.1,-0.1), (-0.1,0.1), (0.1,0.3): sample std sqrt(0.02), sqrt(0.02), sqrt(0.02); x sqrt(4)
        assertArrayEquals(new double[] {2 * Math.sqrt(0.02), 2 * Math.sqrt(0.02), 2 * Math.sqrt(0.02)}, v, 1e-12);
    }

    @Test
    void theShortestPathsAndWindowsAreMeasuredAndShorterOnesRefused() {
        // Three bars: two returns, +10% and -10%; sample std sqrt(0.02), mean 0.
        double[] nav = {100, 110, 99};
        BacktestRun run = new BacktestRun("x", 0, nav, nav, new double[3], new double[3], 0, 0, 0, List.of());
        assertEquals(Math.sqrt(0.02), Performance.of(run, 1, 1, 0.1, 2).annualizedVol(), 1e-12);
        double[] two = {100, 110};
        BacktestRun tooShort = new BacktestRun("x", 0, two, two, new double[2], new double[2], 0, 0, 0, List.of());
        assertEquals("need at least 3 bars to measure performance, got 2",
            assertThrows(IllegalArgumentException.class, () -> Performance.of(tooShort, 1, 1, 0.1, 2)).getMessage());
        // A window as long as the returns gives one value: sample std of (0.1, -0.1, 0.1, 0.3) is
        // sqrt(((0)^2 + 0.2^2 + 0^2 + 0.2^2) / 3) = sqrt(0.08 / 3), mean 0.1.
        assertArrayEquals(new double[] {Math.sqrt(0.08 / 3)}, Performance.rollingVol(new double[] {0.1, -0.1, 0.1, 0.3}, 4, 1), 1e-12);
        assertEquals("rolling window 5 must be in [2, 4]", assertThrows(IllegalArgumentException.class,
            () -> Performance.rollingVol(new double[4], 5, 1)).getMessage());
        assertEquals("rolling window 1 must be in [2, 4]", assertThrows(IllegalArgumentException.class,
            () -> Performance.rollingVol(new double[4], 1, 1)).getMessage());
    }

    @Test
    void metricsOfAPath() {
        BacktestRun run = new BacktestRun("x", 0, NAV, NAV, new double[5], new double[5], 12, 34, 200, List.of());
        // 4 returns over 2 years at 2 bars per year.
        Metrics m = Performance.of(run, 2, 2, 0.1, 2);
        double std = Math.sqrt(0.04 / 3); // sample std of +-0.1, mean 0
        assertEquals(std * Math.sqrt(2), m.annualizedVol(), 1e-12);
        assertEquals(Math.sqrt(0.9801) - 1, m.cagr(), 1e-12);
        assertEquals(0, m.sharpe(), 1e-12);
        assertEquals(0.109, m.maxDrawdown(), 1e-12);
        assertEquals((Math.sqrt(0.9801) - 1) / 0.109, m.calmar(), 1e-12);
        assertEquals(0.1, m.cvar95(), 1e-12);
        assertEquals(0, m.skewness(), 1e-12);
        // Excel KURT of (0.1, -0.1, 0.1, -0.1): n(n+1)/((n-1)(n-2)(n-3)) sum z^4 - 3(n-1)^2/((n-2)(n-3)),
        // z^2 = 0.01 / (0.04 / 3) = 0.75, sum z^4 = 4 x 0.5625 = 2.25: 20/6 x 2.25 - 27/2 = -6.
        assertEquals(-6, m.kurtosis(), 1e-9);
        // Rolling 2-bar vol is sqrt(0.02) x sqrt(2) = 0.2 on every window; target 0.1.
        assertEquals(0.2, m.rollingVolMean(), 1e-12);
        assertEquals(0.1, m.rollingVolTrackingError(), 1e-12);
        assertEquals(200 / 2.0 / ((100 + 110 + 99 + 108.9 + 98.01) / 5), m.turnover(), 1e-12);
        assertEquals(12, m.costs());
        assertEquals(34, m.premium());
    }

    /**
     * A path with a positive mean, so that Sharpe and Sortino are not 0 / x. Returns +10%, -5%,
     * +10%, +5% at 4 bars a year over one year: mean 0.05, annual mean 0.2; sample variance
     * (0.05^2 + 0.1^2 + 0.05^2 + 0) / 3 = 0.005, annual vol sqrt(0.005 x 4) = sqrt(0.02), Sharpe
     * 0.2 / sqrt(0.02) = sqrt(2); downside deviation sqrt(0.05^2 / 4) = 0.025, annualised 0.05,
     * Sortino 0.2 / 0.05 = 4.
     */
    @Test
    void sharpeAndSortinoOfAGrowingPath() {
        double[] nav = {100, 110, 104.5, 114.95, 120.6975};
        BacktestRun run = new BacktestRun("x", 0, nav, nav, new double[5], new double[5], 0, 0, 0, List.of());
        Metrics m = Performance.of(run, 1, 4, 0.1, 2);
        assertEquals(Math.sqrt(0.02), m.annualizedVol(), 1e-12);
        assertEquals(Math.sqrt(2), m.sharpe(), 1e-12);
        assertEquals(4, m.sortino(), 1e-12);
        assertEquals(0.206975, m.cagr(), 1e-12);
        assertEquals(0.05, m.maxDrawdown(), 1e-12);
        // 2-bar rolling vols: (0.1, -0.05) and (-0.05, 0.1) give sqrt(0.01125 x 4) = 3 s, (0.1, 0.05)
        // gives sqrt(0.00125 x 4) = s, with s = sqrt(0.005). R-7 quartiles of (s, 3s, 3s): 2s and 3s,
        // so the IQR is s; the sample std of (3s, 3s, s) is s sqrt((4/9 + 4/9 + 16/9) / 2) = 2s / sqrt(3).
        double s = Math.sqrt(0.005);
        assertEquals(s, m.rollingVolIqr(), 1e-12);
        assertEquals(2 * s / Math.sqrt(3), m.rollingVolStd(), 1e-12);
    }
}
