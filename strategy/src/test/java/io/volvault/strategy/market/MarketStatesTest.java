package io.volvault.strategy.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.volvault.greeks.OptionType;
import io.volvault.greeks.realized.Estimator;
import io.volvault.greeks.realized.PriceBars;
import io.volvault.greeks.surface.SkewModel;
import io.volvault.greeks.surface.SviParams;
import io.volvault.greeks.surface.SviSlice;
import io.volvault.greeks.surface.TermStructure;
import io.volvault.greeks.surface.VolSurface;
import io.volvault.strategy.MarketState;
import io.volvault.strategy.ShortOption;
import io.volvault.strategy.StrategyConfig.CalibrationBars;
import io.volvault.strategy.StrategyConfig.Forecast;
import io.volvault.strategy.StrategyConfig.ForecastSource;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The market state the backtester and the live keeper decide on: a bar of a history, the oracle's
 * recorded prices now, and the surface around the 30-day implied vol, against hand calculations and
 * slices built directly from the {@link SkewModel}.
 */
class MarketStatesTest {

    private static final long T0 = 1_767_254_400L; // 2026-01-01T08:00Z
    private static final long DAY = 86_400;
    private static final long HOUR = 3_600;
    private static final double RATE = 0.05;
    private static final SkewModel SKEW = SkewModel.CRYPTO_DEFAULT;
    private static final TermStructure TERM = TermStructure.CRYPTO_DEFAULT;
    private static final MarketStates MARKETS = new MarketStates(SKEW, TERM);
    /** EWMA over one day, no calibration: the forecast is the realized vol itself. */
    private static final Forecast EWMA_ONE_DAY = new Forecast(ForecastSource.REALIZED, Estimator.EWMA, 1, 90, 0,
        CalibrationBars.ALL, 0, 0.5, 1.15);

    /** {@code n} hourly closes alternating 100 and 100 e^a: every log return is +-a. */
    private static PriceBars hourlyZigZag(int n, double a) {
        long[] t = new long[n];
        double[] close = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = T0 + i * HOUR;
            close[i] = i % 2 == 0 ? 100 : 100 * Math.exp(a);
        }
        return PriceBars.ofCloses(t, close);
    }

    @Test
    void theSurfaceHasASliceForTheTenorAndForEachLiveExpiryAtItsOwnForward() {
        long now = T0;
        double tenor = 7 / 365.0;
        List<ShortOption> shorts = List.of(
            new ShortOption(OptionType.CALL, 55_000, now + 3 * DAY, 1),
            new ShortOption(OptionType.PUT, 45_000, now + 7 * DAY, 1), // the tenor's own expiry: no second slice
            new ShortOption(OptionType.PUT, 44_000, now, 1));          // expiring now: no slice at T = 0
        VolSurface s = MARKETS.surface(0.6, 50_000, RATE, tenor, shorts, now);
        // forward = spot e^(r T); each slice at its term-structure ATM vol from the 30-day 0.6
        double threeDays = 3 / 365.0;
        List<SviSlice> expected = VolSurface.of(List.of(
            SKEW.slice(0.6, 50_000 * Math.exp(RATE * tenor), tenor, TERM),
            SKEW.slice(0.6, 50_000 * Math.exp(RATE * threeDays), threeDays, TERM))).slices();
        assertEquals(expected, s.slices());
        // the 3-day slice is at its own (lower, for this positive beta) ATM vol, not the tenor's
        assertTrue(s.atmVol(threeDays) < s.atmVol(tenor), s.atmVol(threeDays) + " vs " + s.atmVol(tenor));
    }

    @Test
    void aBarOfTheHistoryIsItsTimeCloseForecastStatisticsAndASurfaceAtItsImpliedVolAndRate() {
        long[] t = {T0, T0 + DAY, T0 + 2 * DAY};
        double[] close = {50_000, 51_000, 49_000};
        MarketHistory h = new MarketHistory(PriceBars.ofCloses(t, close), 365, new double[] {0.4, 0.45, 0.5},
            new double[] {0.55, 0.6, 0.65}, new boolean[3], new double[] {0.7, 0.8, 0.9},
            new double[] {-0.1, -0.2, -0.3}, new double[] {1, 2, 3}, RATE);
        double tenor = 7 / 365.0;
        MarketState m = MARKETS.at(h, 2, List.of(), tenor);
        assertEquals(T0 + 2 * DAY, m.epochSeconds());
        assertEquals(49_000, m.spot());
        assertEquals(0.5, m.forecastVol());
        assertEquals(RATE, m.rate());
        assertEquals(0.9, m.ivVol());
        assertEquals(-0.3, m.spotIvCorrelation());
        assertEquals(3, m.dailyExcessKurtosis());
        assertEquals(List.of(SKEW.slice(0.65, 49_000 * Math.exp(RATE * tenor), tenor, TERM)), m.surface().slices());
    }

    /**
     * Sixty hourly returns of +-0.01: EWMA of r^2 = 1e-4 at every bar, and the bars' spacing says
     * 8,760 a year, so the forecast is 0.01 x sqrt(8,760) = 0.93595 (at a daily 365 it would be
     * 0.19105). The implied vol is observed at the last bar only: the proxy before it is flat (up to
     * rounding), and a switch from proxy to index is no market move, so the vol of implied vol is 0; 60 bars are under the 30 days of errors the tail statistics need, so the kurtosis is 0.
     */
    @Test
    void theLiveMarketIsTheForecastFromTheOraclesPricesAndTheSurfaceAtTheImpliedVolNow() {
        PriceBars bars = hourlyZigZag(60, 0.01);
        long now = T0 + 59 * HOUR + 120;
        double spot = 101.5;
        double tenor = 7 / 365.0;
        MarketState m = MARKETS.live(now, spot, 0.7, bars, EWMA_ONE_DAY, 0, List.of(), tenor);
        assertEquals(0.01 * Math.sqrt(8_760), m.forecastVol(), 1e-12);
        assertEquals(0.01 * Math.sqrt(8_760), MarketStates.realizedNow(bars, EWMA_ONE_DAY), 1e-12);
        assertEquals(now, m.epochSeconds());
        assertEquals(spot, m.spot());
        assertEquals(0, m.rate());
        assertEquals(0, m.ivVol(), 1e-12);
        assertEquals(0, m.dailyExcessKurtosis());
        // no rate: the forward is spot
        assertEquals(List.of(SKEW.slice(0.7, spot, tenor, TERM)), m.surface().slices());
    }

    /** The keeper's state is the backtester's at the same bar, given the same prices and implied vol. */
    @Test
    void theLiveMarketIsTheBacktestersAtTheLastBarOfTheSameHistory() {
        int n = 400;
        long[] t = new long[n];
        double[] close = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = T0 + i * DAY;
            close[i] = 30_000 * Math.exp(0.05 * Math.sin(i * 0.7) + 0.0003 * i);
        }
        PriceBars bars = PriceBars.ofCloses(t, close);
        double[] observed = new double[n];
        Arrays.fill(observed, Double.NaN);
        observed[n - 1] = 0.55;
        // calibrated on the bars whose forecast was above 0.6: the mask is built the same way on both sides
        Forecast f = new Forecast(ForecastSource.BLEND, Estimator.EWMA, 20, 90, 60, CalibrationBars.UNCAPPED, 0, 0.5,
            1.15);
        List<ShortOption> shorts = List.of(new ShortOption(OptionType.CALL, 35_000, t[n - 1] + 3 * DAY, 2));
        double tenor = 7 / 365.0;
        MarketState backtest = MARKETS.at(VolInputs.history(bars, 365, observed, f, 0.6, 0), n - 1, shorts, tenor);
        MarketState live = MARKETS.live(t[n - 1], close[n - 1], 0.55, bars, f, 0.6, shorts, tenor);
        assertEquals(backtest.forecastVol(), live.forecastVol());
        assertEquals(backtest.dailyExcessKurtosis(), live.dailyExcessKurtosis());
        assertEquals(backtest.surface().slices(), live.surface().slices());
        assertEquals(2, live.surface().slices().size());
        assertTrue(live.forecastVol() > 0, "forecast " + live.forecastVol());
    }

    /**
     * On an observed surface (a recorded chain's smile) the state strikes and marks on that surface as
     * given, and its forecast and implied-vol statistics are those of the model-smile state at the same
     * level: only the surface changes.
     */
    @Test
    void anObservedSurfaceReplacesTheModelSmileAndNothingElse() {
        PriceBars bars = hourlyZigZag(60, 0.01);
        long now = T0 + 59 * HOUR + 120;
        VolSurface observed = VolSurface.of(List.of(new SviSlice(0.05, 103, new SviParams(0.002, 0.03, -0.4, 0.01, 0.1))));
        MarketState model = MARKETS.live(now, 101.5, 0.7, bars, EWMA_ONE_DAY, 0, List.of(), 7 / 365.0);
        MarketState m = MARKETS.live(now, 101.5, 0.7, observed, bars, EWMA_ONE_DAY, 0);
        assertSame(observed, m.surface());
        assertEquals(new MarketState(now, 101.5, model.forecastVol(), observed, 0, model.ivVol(),
            model.spotIvCorrelation(), model.dailyExcessKurtosis()), m);
        assertEquals(0.01 * Math.sqrt(8_760), m.forecastVol(), 1e-12);
    }

    /**
     * Two hourly bars with a high-low range: their spacing says 8,760 bars a year, so Parkinson's one-day
     * window is 24 bars and there is no forecast yet (counted as daily bars, the window would be 2 bars and
     * the second bar would give one).
     */
    @Test
    void twoRecordedPricesAreSpacedByTheirOwnClock() {
        PriceBars bars = new PriceBars(new long[] {T0, T0 + HOUR}, new double[] {100, 100}, new double[] {101, 101},
            new double[] {99, 99}, new double[] {100, 100});
        assertTrue(Double.isNaN(MarketStates.realizedNow(bars, EWMA_ONE_DAY.withEstimator(Estimator.PARKINSON, 1))));
    }

    /** Ten hourly prices are under the one-day (24-bar) window: no forecast, and no market to decide on. */
    @Test
    void tooFewRecordedPricesGiveNoForecast() {
        PriceBars bars = hourlyZigZag(10, 0.01);
        assertTrue(Double.isNaN(MarketStates.realizedNow(bars, EWMA_ONE_DAY)));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MARKETS.live(T0 + 9 * HOUR, 100, 0.7, bars,
            EWMA_ONE_DAY, 0, List.of(), 7 / 365.0)).getMessage().contains("forecast_vol"));
    }
}
